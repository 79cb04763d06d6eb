package dev.solo.cgi;

import static dev.solo.config.spi.ArgumentChecks.duration;
import static dev.solo.config.spi.ArgumentChecks.integer;

import dev.solo.cgi.internal.CgiConfigChecks;
import dev.solo.cgi.internal.CgiSettings;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import java.util.List;

/**
 * Declares the CGI directives, so that a configuration is checked (contexts, argument counts, extensions,
 * interpreters) before any handler is built. See the {@link dev.solo.cgi package documentation} for their meaning.
 */
public final class CgiDirectives implements DirectiveProvider {

    /** {@code cgi EXT [INTERPRETER];} in a location, repeatable. */
    public static final String CGI = "cgi";
    /** {@code cgi_timeout DURATION;} in a server or location. */
    public static final String CGI_TIMEOUT = "cgi_timeout";
    /** {@code cgi_max_processes N;} at the top level or in a server. */
    public static final String CGI_MAX_PROCESSES = "cgi_max_processes";
    /** {@code cgi_queue_size N;} at the top level, in a server or a location. */
    public static final String CGI_QUEUE_SIZE = "cgi_queue_size";
    /** {@code cgi_queue_timeout DURATION;} at the top level, in a server or a location. */
    public static final String CGI_QUEUE_TIMEOUT = "cgi_queue_timeout";
    /** {@code cgi_env NAME VALUE;} at the top level, in a server or a location, repeatable. */
    public static final String CGI_ENV = "cgi_env";

    private static final String MAIN = DirectiveSpec.MAIN_CONTEXT;
    private static final String SERVER = "server";
    private static final String LOCATION = "location";

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public CgiDirectives() {
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.create(CGI, b -> b.contexts(LOCATION).args(1, 2).repeatable(true)
                        .check(CgiConfigChecks.extension(0), CgiConfigChecks.interpreter(1))),
                DirectiveSpec.create(CGI_TIMEOUT, b -> b.contexts(SERVER, LOCATION).args(1)
                        .check(duration(0), CgiConfigChecks.positiveDuration(0))),
                DirectiveSpec.create(CGI_MAX_PROCESSES, b -> b.contexts(MAIN, SERVER).args(1)
                        .check(integer(0, 1, CgiConfigChecks.MAX_PROCESSES_LIMIT))),
                DirectiveSpec.create(CGI_QUEUE_SIZE, b -> b.contexts(MAIN, SERVER, LOCATION).args(1)
                        .check(integer(0, 0, CgiSettings.MAX_QUEUE_SIZE))),
                DirectiveSpec.create(CGI_QUEUE_TIMEOUT, b -> b.contexts(MAIN, SERVER, LOCATION).args(1)
                        .check(duration(0), CgiConfigChecks.positiveDuration(0))),
                DirectiveSpec.create(CGI_ENV, b -> b.contexts(MAIN, SERVER, LOCATION).args(2).repeatable(true)
                        .check(CgiConfigChecks.environmentName(0))));
    }
}
