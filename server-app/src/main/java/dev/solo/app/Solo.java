package dev.solo.app;

import dev.solo.app.internal.ProcessDirectives;
import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.DirectiveRegistry;
import dev.solo.config.SourcePosition;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.Plugins;
import dev.solo.core.Addresses;
import dev.solo.core.BindFailure;
import dev.solo.core.EventLoop;
import dev.solo.core.Listener;
import dev.solo.core.ListenerChanges;
import dev.solo.core.Server;
import dev.solo.http.HttpService;
import dev.solo.http.spi.HandlerProvider;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configured server: the config file parsed and validated against every directive the installed modules declare,
 * the HTTP service built, the loop created. {@link #start()} binds, {@link #run()} serves on the calling thread,
 * {@link #reload()} re-reads the file while serving.
 */
public final class Solo {

    /** How long in-flight responses may take to finish after a stop signal. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    /**
     * How long after a reload the replaced configuration's session stores are closed: requests it routed finish
     * first (their network stores end the connection only once the commands in flight are answered).
     */
    static final Duration RETIRE_AFTER = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(Solo.class);

    private final Path configFile;
    private final boolean reusePortEverywhere;
    private final ProcessDirectives.Settings settings;
    private final Server server;
    /** Replaced by each reload, on the loop thread. */
    private HttpService http;

    private Solo(Path configFile, boolean reusePortEverywhere, Configured configured) {
        this.configFile = configFile;
        this.reusePortEverywhere = reusePortEverywhere;
        this.settings = configured.settings();
        this.http = configured.http();
        List<Listener> listeners = listeners(configured.http());
        this.server = Server.create(b -> {
            listeners.forEach(b::listen);
            b.maxConnections(configured.http().maxConnections());
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
        return configure(configFile, false);
    }

    /**
     * Reads and checks a config file for a process that shares its addresses with others (a worker).
     *
     * @param configFile the file
     * @param reusePortEverywhere whether every address is bound with {@code SO_REUSEPORT}, as if each {@code listen}
     *                            said {@code reuseport}
     * @return the configured server
     * @throws ConfigException with every error, each as {@code file:line:col: message}
     */
    public static Solo configure(Path configFile, boolean reusePortEverywhere) throws ConfigException {
        return new Solo(configFile, reusePortEverywhere, read(configFile));
    }

    /**
     * A server written in code: the builder writes the same config document a file would give, and {@link
     * SoloBuilder#build()} validates and builds it the same way.
     *
     * @return a builder
     */
    public static SoloBuilder builder() {
        return new SoloBuilder();
    }

    /** For {@link SoloBuilder#build()}: a document from code, with the builder's own directives and handler type. */
    static Solo build(ConfigDocument document, List<DirectiveProvider> directives, List<HandlerProvider> handlers)
            throws ConfigException {
        return new Solo(null, false, read(document, directives, handlers));
    }

    /** The parse, validation and build shared by the first start and each reload; binds nothing. */
    private static Configured read(Path configFile) throws ConfigException {
        return read(ConfigParser.parse(configFile), List.of(), List.of());
    }

    private static Configured read(ConfigDocument document, List<DirectiveProvider> extraDirectives,
            List<HandlerProvider> extraHandlers) throws ConfigException {
        List<DirectiveProvider> providers = new ArrayList<>(Plugins.load(DirectiveProvider.class));
        providers.addAll(extraDirectives);
        // Two modules that declare the same directive: a deployment error, reported like a config error.
        DirectiveRegistry.of(providers, SourcePosition.ofFile(document.file())).validate(document);
        ProcessDirectives.Settings settings = ProcessDirectives.settings(document);
        return new Configured(HttpService.configure(document, extraHandlers), settings);
    }

    private List<Listener> listeners(HttpService service) {
        return service.listeners().stream().map(l -> reusePortEverywhere ? l.withReusePort() : l).toList();
    }

    /** @return what the config serves, for {@code solo --check} */
    public String summary() {
        return http.summary();
    }

    /** @return risky settings to review, each {@code file:line:col: text} (printed by --check, logged at start) */
    public List<String> warnings() {
        return http.warnings();
    }

    /** @return the process directives ({@code worker_processes}, {@code pid}) as read at start */
    ProcessDirectives.Settings settings() {
        return settings;
    }

    /** @return the configured listeners, for checks made before starting workers */
    List<Listener> configuredListeners() {
        return http.listeners();
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
            lines.add("listening on " + Addresses.format(bound.get(i)) + " — "
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

    /**
     * Re-reads the config file and, if it is valid, serves by it from now on (what SIGHUP does). Safe from any
     * thread: the work is queued on the loop and this returns at once.
     *
     * <p>On the loop, between two events: the file is parsed, validated and built into a new service beside the running
     * one — every error is logged with {@code file:line:col} and the running configuration stays. Then the listeners
     * move ({@link Server#rebind}: addresses that stay keep their socket, so no connection is refused; new ones are
     * bound, all or nothing; removed ones are closed), and the new service takes over the open connections: their next
     * request is routed by it, a request in flight finishes under the old one. The log says what changed.
     *
     * <p>The build runs on the loop rather than beside it because plugins may touch loop state while building; it is a
     * pause of a few milliseconds for a usual file, like nginx's master re-reading its configuration.
     */
    public void reload() {
        if (configFile == null) {
            LOG.warn("reload: this server was built in code and has no config file to re-read");
            return;
        }
        server.loop().execute(this::reloadOnLoop);
    }

    private void reloadOnLoop() {
        long started = System.nanoTime();
        Configured next;
        try {
            next = read(configFile);
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                LOG.error("{}", error);
            }
            LOG.error("reload: {} error(s) in {}; the running configuration stays", e.errors().size(), configFile);
            return;
        }
        ListenerChanges changes;
        try {
            changes = server.rebind(listeners(next.http()), next.http().maxConnections());
        } catch (BindFailure e) {
            LOG.error("reload: {}; the running configuration stays", e.getMessage());
            return;
        }
        HttpService previous = http;
        next.http().takeOver(previous);
        http = next.http();
        // Requests routed by the old configuration may still use its session stores: release them only later.
        server.loop().schedule(RETIRE_AFTER.toMillis(), previous::close);
        LOG.info("reloaded {} in {} ms: {} address(es) kept{}{}", configFile,
                (System.nanoTime() - started) / 1_000_000, changes.kept().size(),
                changes.added().isEmpty() ? "" : ", listening on " + format(changes.added()),
                changes.removed().isEmpty() ? "" : ", closed " + format(changes.removed()));
        if (next.settings().workerProcesses() != settings.workerProcesses()
                || !next.settings().pidFile().equals(settings.pidFile())) {
            LOG.warn("reload: worker_processes and pid take effect at the next start, not at a reload");
        }
    }

    private static String format(List<InetSocketAddress> addresses) {
        return String.join(", ", addresses.stream().map(Addresses::format).toList());
    }

    /** @return the bound addresses, in config order */
    public List<InetSocketAddress> addresses() {
        return server.boundAddresses();
    }

    /** @return connections open now */
    public int openConnections() {
        return server.openConnections();
    }

    /** @return the loop that serves, e.g. for timers of the launcher */
    public EventLoop loop() {
        return server.loop();
    }

    /** A config file read and built, not yet serving. */
    private record Configured(HttpService http, ProcessDirectives.Settings settings) {
    }
}
