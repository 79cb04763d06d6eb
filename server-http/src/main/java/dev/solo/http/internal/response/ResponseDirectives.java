package dev.solo.http.internal.response;

import static dev.solo.config.spi.ArgumentChecks.flag;
import static dev.solo.config.spi.ArgumentChecks.integer;
import static dev.solo.config.spi.ArgumentChecks.size;

import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import java.util.List;

/**
 * The directives that shape responses on their way out, in nginx's words: {@code add_header}, {@code expires},
 * {@code etag}, {@code gzip}, {@code gzip_types}, {@code gzip_min_length}, {@code gzip_comp_level},
 * {@code gzip_vary}, {@code gzip_static} and {@code brotli_static}. Every one may stand at the top level, in a
 * server or in a location, and is inherited downward.
 */
public final class ResponseDirectives implements DirectiveProvider {

    private static final String[] EVERYWHERE = {DirectiveSpec.MAIN_CONTEXT, "server", "location"};

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public ResponseDirectives() {
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.create("add_header", b -> b.contexts(EVERYWHERE).args(2, 3).repeatable(true)
                        .check(PolicyBuilder::checkAddHeader)),
                DirectiveSpec.create("expires", b -> b.contexts(EVERYWHERE).args(1).check(Expiry::parse)),
                DirectiveSpec.create("etag", b -> b.contexts(EVERYWHERE).args(1).check(flag(0))),
                DirectiveSpec.create("gzip", b -> b.contexts(EVERYWHERE).args(1).check(flag(0))),
                DirectiveSpec.create("gzip_types", b -> b.contexts(EVERYWHERE).argsAtLeast(1)
                        .check(PolicyBuilder::checkTypes)),
                DirectiveSpec.create("gzip_min_length", b -> b.contexts(EVERYWHERE).args(1).check(size(0))),
                DirectiveSpec.create("gzip_comp_level", b -> b.contexts(EVERYWHERE).args(1).check(integer(0, 1, 9))),
                DirectiveSpec.create("gzip_vary", b -> b.contexts(EVERYWHERE).args(1).check(flag(0))),
                DirectiveSpec.create("gzip_static", b -> b.contexts(EVERYWHERE).args(1).check(flag(0))),
                DirectiveSpec.create("brotli_static", b -> b.contexts(EVERYWHERE).args(1).check(flag(0))));
    }
}
