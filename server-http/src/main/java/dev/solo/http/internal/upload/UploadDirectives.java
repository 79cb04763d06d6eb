package dev.solo.http.internal.upload;

import static dev.solo.config.spi.ArgumentChecks.existingDirectory;
import static dev.solo.config.spi.ArgumentChecks.flag;

import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import java.util.List;

/**
 * The upload directives, inherited from server to location like nginx settings:
 * <ul>
 *   <li>{@code upload on|off;} lets the location store POST/PUT bodies and DELETE files;</li>
 *   <li>{@code upload_store DIR;} stores uploads in DIR (which must exist; relative to the config file) instead of
 *       the directory the request path maps to.</li>
 * </ul>
 */
public final class UploadDirectives implements DirectiveProvider {

    /** Name of the on/off directive. */
    public static final String UPLOAD = "upload";
    /** Name of the store directory directive. */
    public static final String UPLOAD_STORE = "upload_store";

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public UploadDirectives() {
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.create(UPLOAD, b -> b.contexts("server", "location").args(1).check(flag(0))),
                DirectiveSpec.create(UPLOAD_STORE,
                        b -> b.contexts("server", "location").args(1).check(existingDirectory(0))));
    }
}
