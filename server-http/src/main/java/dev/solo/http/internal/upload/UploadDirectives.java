package dev.solo.http.internal.upload;

import static dev.solo.config.spi.ArgumentChecks.existingDirectory;
import static dev.solo.config.spi.ArgumentChecks.flag;

import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import java.util.List;

/**
 * The upload directives:
 * <ul>
 *   <li>{@code upload on|off;} lets the location store POST/PUT bodies and DELETE files. It is never inherited: not
 *       from the server block (where it is an error), not from an enclosing location; each location that takes
 *       writes says so itself;</li>
 *   <li>{@code upload_store DIR;} stores uploads in DIR (which must exist; relative to the config file) instead of
 *       the directory the request path maps to; inherited like nginx settings;</li>
 *   <li>{@code upload_inline on|off;} (location only, default off) serves the files of a writable location with
 *       their own type even when it is active content (HTML, SVG, XML, JavaScript), instead of as downloads. Only for
 *       clients the operator trusts: their pages then run in the server's origin.</li>
 * </ul>
 */
public final class UploadDirectives implements DirectiveProvider {

    /** Name of the on/off directive. */
    public static final String UPLOAD = "upload";
    /** Name of the store directory directive. */
    public static final String UPLOAD_STORE = "upload_store";
    /** Name of the directive that serves a writable location's active content inline. */
    public static final String UPLOAD_INLINE = "upload_inline";

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public UploadDirectives() {
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.create(UPLOAD, b -> b.contexts("server", "location").args(1).check(flag(0))),
                DirectiveSpec.create(UPLOAD_STORE,
                        b -> b.contexts("server", "location").args(1).check(existingDirectory(0))),
                DirectiveSpec.create(UPLOAD_INLINE, b -> b.contexts("location").args(1).check(flag(0))));
    }
}
