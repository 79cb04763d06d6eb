package dev.solo.cgi;

import dev.solo.cgi.internal.CgiHandler;
import dev.solo.cgi.internal.CgiSettings;
import dev.solo.cgi.internal.ProcessSlotRegistry;
import dev.solo.config.ConfigException;
import dev.solo.http.Handler;
import dev.solo.http.spi.ExecutableFiles;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import java.util.List;
import java.util.Optional;

/**
 * The handler type {@code cgi}: builds a CGI handler for every location that has (or inherits) {@code cgi}
 * directives. Runs in the chain before uploads and static files, and declines requests whose path has no segment
 * with a configured extension, so static files in the same location are still served.
 */
public final class CgiHandlerProvider implements HandlerProvider {

    /** The handler type's name, for {@code handler cgi;}. */
    public static final String NAME = "cgi";

    /** Before uploads (60) and static files (1000), after {@code return} (10). */
    private static final int ORDER = 50;

    /**
     * Process caps are shared by the locations that read {@code cgi_max_processes} from the same directive, so they
     * live as long as the provider (which the server loads once).
     */
    private final ProcessSlotRegistry slots = new ProcessSlotRegistry();

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public CgiHandlerProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Handler> create(LocationContext location) throws ConfigException {
        Optional<CgiSettings> settings = CgiSettings.read(location, System.getenv("PATH"), slots);
        return settings.map(CgiHandler::new);
    }

    /** Scripts are the files under the location's mapped directory with a {@code cgi} extension; see ScriptLocator. */
    @Override
    public Optional<ExecutableFiles> executables(LocationContext location) {
        List<String> extensions = location.inheritedAll(CgiDirectives.CGI).stream().map(d -> d.arg(0)).toList();
        return extensions.isEmpty() ? Optional.empty() : ExecutableFiles.servedBy(location, extensions);
    }
}
