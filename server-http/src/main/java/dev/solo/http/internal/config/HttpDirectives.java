package dev.solo.http.internal.config;

import static dev.solo.config.spi.ArgumentChecks.duration;
import static dev.solo.config.spi.ArgumentChecks.existingDirectory;
import static dev.solo.config.spi.ArgumentChecks.flag;
import static dev.solo.config.spi.ArgumentChecks.integer;
import static dev.solo.config.spi.ArgumentChecks.size;

import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import java.util.List;

/** The directives of the HTTP server itself: servers, listeners, names, locations, files, limits, timeouts. */
public final class HttpDirectives implements DirectiveProvider {

    /** Context name of a {@code server} block. */
    public static final String SERVER = "server";
    /** Context name of a {@code location} block. */
    public static final String LOCATION = "location";

    private static final String MAIN = DirectiveSpec.MAIN_CONTEXT;

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public HttpDirectives() {
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.create("server", b -> b.contexts(MAIN).args(0).repeatable(true).blockContext(SERVER)),
                DirectiveSpec.create("listen", b -> b.contexts(SERVER).args(1, 4).repeatable(true)),
                DirectiveSpec.create("server_name", b -> b.contexts(SERVER).argsAtLeast(1).repeatable(true)),
                DirectiveSpec.create("location",
                        b -> b.contexts(SERVER, LOCATION).args(1, 2).repeatable(true).blockContext(LOCATION)),
                DirectiveSpec.create("root",
                        b -> b.contexts(MAIN, SERVER, LOCATION).args(1).check(existingDirectory(0))),
                DirectiveSpec.create("alias", b -> b.contexts(LOCATION).args(1).check(existingDirectory(0))),
                DirectiveSpec.create("index", b -> b.contexts(MAIN, SERVER, LOCATION).argsAtLeast(1)),
                DirectiveSpec.create("autoindex", b -> b.contexts(MAIN, SERVER, LOCATION).args(1).check(flag(0))),
                DirectiveSpec.create("client_max_body_size",
                        b -> b.contexts(MAIN, SERVER, LOCATION).args(1).check(size(0))),
                DirectiveSpec.create("error_page",
                        b -> b.contexts(MAIN, SERVER, LOCATION).argsAtLeast(2).repeatable(true)),
                DirectiveSpec.create("methods", b -> b.contexts(SERVER, LOCATION).argsAtLeast(1)),
                DirectiveSpec.create("return", b -> b.contexts(SERVER, LOCATION).args(1, 2)),
                DirectiveSpec.create("handler", b -> b.contexts(LOCATION).args(1)),
                DirectiveSpec.create("client_header_timeout",
                        b -> b.contexts(MAIN, SERVER).args(1).check(duration(0))),
                DirectiveSpec.create("client_body_timeout",
                        b -> b.contexts(MAIN, SERVER).args(1).check(duration(0))),
                DirectiveSpec.create("client_body_total_timeout",
                        b -> b.contexts(MAIN, SERVER).args(1).check(duration(0))),
                DirectiveSpec.create("keepalive_timeout", b -> b.contexts(MAIN, SERVER).args(1).check(duration(0))),
                DirectiveSpec.create("send_timeout", b -> b.contexts(MAIN, SERVER).args(1).check(duration(0))),
                DirectiveSpec.create("request_timeout", b -> b.contexts(MAIN, SERVER).args(1).check(duration(0))),
                DirectiveSpec.create("keepalive_requests",
                        b -> b.contexts(MAIN, SERVER).args(1).check(integer(0, 1, Integer.MAX_VALUE))),
                DirectiveSpec.create("max_connections",
                        b -> b.contexts(MAIN).args(1).check(integer(0, 1, 1_000_000))),
                DirectiveSpec.create("access_log", b -> b.contexts(MAIN).args(1).check(flag(0))),
                // The codec's HttpLimits: main only, since the request line and headers are read before the Host
                // header can choose a server.
                DirectiveSpec.create(LimitSettings.REQUEST_LINE, b -> b.contexts(MAIN).args(1).check(size(0))),
                DirectiveSpec.create(LimitSettings.HEADER_BLOCK, b -> b.contexts(MAIN).args(1).check(size(0))),
                DirectiveSpec.create(LimitSettings.HEADER_COUNT,
                        b -> b.contexts(MAIN).args(1).check(integer(0, 1, 100_000))));
    }
}
