package dev.solo.app;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.DirectiveRegistry;
import dev.solo.config.SourcePosition;
import dev.solo.core.BindFailure;
import dev.solo.core.Server;
import dev.solo.http.HttpService;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A configured server: the config file parsed and validated against every directive the installed modules declare,
 * the HTTP service built, the loop created. {@link #start()} binds, {@link #run()} serves on the calling thread.
 */
public final class Solo {

    /** How long in-flight responses may take to finish after a stop signal. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final HttpService http;
    private final Server server;

    private Solo(HttpService http) {
        this.http = http;
        this.server = Server.create(b -> {
            http.listeners().forEach(b::listen);
            b.maxConnections(http.maxConnections());
        });
    }

    /**
     * Reads and checks a config file; nothing is bound yet.
     *
     * @param configFile the file
     * @return the configured server
     * @throws ConfigException with every error, each as {@code file:line:col: message}
     */
    public static Solo configure(Path configFile) throws ConfigException {
        ConfigDocument document = ConfigParser.parse(configFile);
        DirectiveRegistry registry;
        try {
            registry = DirectiveRegistry.load();
        } catch (IllegalStateException e) {
            // Two installed modules declare the same directive: a deployment error, reported like a config error.
            throw new ConfigException(SourcePosition.ofFile(configFile), "installed modules conflict: "
                    + e.getMessage());
        }
        registry.validate(document);
        return new Solo(HttpService.configure(document));
    }

    /** @return what the config serves, for {@code solo --check} */
    public String summary() {
        return http.summary();
    }

    /** @return risky settings to review, each {@code file:line:col: text} (printed by --check, logged at start) */
    public List<String> warnings() {
        return http.warnings();
    }

    /**
     * Binds every address.
     *
     * @throws BindFailure naming the address, its place in the config and the system's reason
     */
    public void start() throws BindFailure {
        server.start();
    }

    /** @return one line per listening address with its server names, after {@link #start()} */
    public List<String> listeningLines() {
        List<String> lines = new ArrayList<>();
        List<String> configured = http.startupLines();
        List<InetSocketAddress> bound = server.boundAddresses();
        for (int i = 0; i < bound.size(); i++) {
            String names = configured.get(i);
            lines.add("listening on " + dev.solo.core.Addresses.format(bound.get(i)) + " — "
                    + names.substring(names.indexOf(' ') + 1));
        }
        return lines;
    }

    /** Serves on the calling thread until {@link #stop()}. */
    public void run() {
        server.run();
    }

    /** Stops: from any thread; {@link #run()} returns when the last connection is gone or the grace period ends. */
    public void stop() {
        server.shutdown(SHUTDOWN_GRACE);
    }

    /** @return the bound addresses, in config order */
    public List<InetSocketAddress> addresses() {
        return server.boundAddresses();
    }

    /** @return connections open now */
    public int openConnections() {
        return server.openConnections();
    }
}
