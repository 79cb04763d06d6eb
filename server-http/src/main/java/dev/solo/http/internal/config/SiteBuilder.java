package dev.solo.http.internal.config;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.core.Addresses;
import dev.solo.http.Handler;
import dev.solo.http.spi.ExecutableFiles;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.SessionManager;
import dev.solo.http.spi.SessionManagerProvider;
import dev.solo.http.spi.TlsProvider;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.Site;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import dev.solo.http.internal.upload.UploadDirectives;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a validated config document into a {@link Site}: servers grouped by address, locations with their inherited
 * settings and handler chains. Collects every semantic error (duplicate locations, clashing names, missing error
 * pages...) with its position, so a user fixes a file in one pass.
 */
public final class SiteBuilder {

    private final List<HandlerProvider> handlerProviders;
    private final SessionManagerProvider sessionProvider;
    private final List<ConfigError> errors = new ArrayList<>();
    private final Map<InetSocketAddress, HostTable> hostTables = new LinkedHashMap<>();
    private final Map<InetSocketAddress, String> origins = new HashMap<>();
    private final Map<InetSocketAddress, Directive> defaultMarks = new HashMap<>();
    private final SiteChecks checks = new SiteChecks();
    private final TlsProvider tlsProvider;
    /** Addresses with {@code ssl} on one of their {@code listen}s, and the first such listen. */
    private final Map<InetSocketAddress, Directive> tlsListens = new HashMap<>();
    private final Map<VirtualServer, Scope> serverScopes = new IdentityHashMap<>();
    /** Addresses whose {@code listen} says {@code reuseport} in any server: the socket is one, so is the option. */
    private final Set<InetSocketAddress> reusePorts = new HashSet<>();

    /**
     * @param handlerProviders every handler type, in any order
     * @param sessionProvider the session module, or null
     */
    public SiteBuilder(List<HandlerProvider> handlerProviders, SessionManagerProvider sessionProvider) {
        this(handlerProviders, sessionProvider, null);
    }

    /**
     * @param handlerProviders every handler type, in any order
     * @param sessionProvider the session module, or null
     * @param tlsProvider the TLS module, or null (then {@code listen ... ssl} is an error)
     */
    public SiteBuilder(List<HandlerProvider> handlerProviders, SessionManagerProvider sessionProvider,
            TlsProvider tlsProvider) {
        this.handlerProviders = handlerProviders.stream()
                .sorted(Comparator.comparingInt(HandlerProvider::order).thenComparing(HandlerProvider::name))
                .toList();
        this.sessionProvider = sessionProvider;
        this.tlsProvider = tlsProvider;
    }

    /**
     * @param document a document that passed the directive registry's validation
     * @return the site
     * @throws ConfigException with every error found
     */
    public Site build(ConfigDocument document) throws ConfigException {
        Scope top = Scope.top(document.directives());
        List<Directive> servers = document.directives("server");
        if (servers.isEmpty()) {
            throw new ConfigException(new ConfigError(dev.solo.config.SourcePosition.ofFile(document.file()),
                    "no 'server' block: nothing to serve"));
        }
        for (Directive server : servers) {
            try {
                buildServer(top.child(server));
            } catch (ConfigException e) {
                errors.addAll(e.errors());
            }
        }
        checks.verify(errors);
        Map<InetSocketAddress, Map<VirtualServer, TlsProvider.ServerCredentials>> tls = credentials();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        List<Site.Binding> bindings = new ArrayList<>();
        hostTables.forEach((address, hosts) -> bindings.add(new Site.Binding(address, hosts, origins.get(address),
                reusePorts.contains(address), tls.get(address))));
        int maxConnections = intSetting(top, "max_connections", 10_000);
        boolean accessLog = flagSetting(top, "access_log", false);
        return new Site(bindings, maxConnections, accessLog);
    }

    private void buildServer(Scope server) throws ConfigException {
        Directive block = server.block();
        List<String> names = new ArrayList<>();
        for (Directive serverName : server.ownAll("server_name")) {
            for (int i = 0; i < serverName.argCount(); i++) {
                names.add(serverName.arg(i).toLowerCase(Locale.ROOT));
            }
        }
        SessionManager sessions = sessionProvider == null ? null : sessionProvider.create(block, server::inherited);
        LocationTable locations = new LocationTable();
        VirtualServer virtualServer = new VirtualServer(List.copyOf(names), locations, timeouts(server), sessions,
                block.position());
        for (Directive upload : server.ownAll(UploadDirectives.UPLOAD)) {
            // Inherited, it reached every location, /cgi-bin/ and the error pages included.
            errors.add(new ConfigError(upload.position(), "'upload' is not allowed in a server block: write methods"
                    + " are never inherited; put 'upload on;' in each location that takes uploads"));
        }
        LocationBuilder locationBuilder = new LocationBuilder(virtualServer, handlerProviders, errors, checks);
        locationBuilder.addAll(server, "");
        locationBuilder.checkErrorPages();

        List<Directive> listens = server.ownAll("listen");
        if (listens.isEmpty()) {
            errors.add(new ConfigError(block.position(), "server block has no 'listen' directive"));
            return;
        }
        Map<InetSocketAddress, Directive> seen = new HashMap<>();
        serverScopes.put(virtualServer, server);
        for (Directive listen : listens) {
            InetSocketAddress address = ListenAddress.parse(listen);
            boolean markedDefault = false;
            boolean ssl = false;
            boolean reusePort = false;
            boolean valid = true;
            for (int i = 1; i < listen.argCount(); i++) {
                String parameter = listen.arg(i);
                if (parameter.equals("default_server") && !markedDefault) {
                    markedDefault = true;
                } else if (parameter.equals("ssl") && !ssl) {
                    ssl = true;
                } else if (parameter.equals("reuseport") && !reusePort) {
                    reusePort = true;
                } else {
                    boolean known = parameter.equals("default_server") || parameter.equals("ssl")
                            || parameter.equals("reuseport");
                    errors.add(new ConfigError(listen.args().get(i).position(), (known ? "repeated" : "unknown")
                            + " listen parameter '" + parameter + "' (expected 'default_server', 'ssl' or 'reuseport')"));
                    valid = false;
                }
            }
            if (!valid) {
                continue;
            }
            if (ssl) {
                // As in nginx, one "ssl" makes the whole address TLS, whichever server block says it.
                tlsListens.putIfAbsent(address, listen);
            }
            if (reusePort) {
                reusePorts.add(address);
            }
            Directive previous = seen.putIfAbsent(address, listen);
            if (previous != null) {
                errors.add(new ConfigError(listen.position(), "duplicate listen " + Addresses.format(address)
                        + " in this server (first at line " + previous.position().line() + ")"));
                continue;
            }
            bind(address, listen, virtualServer, markedDefault);
        }
        checks.warnWritable(locations.all(), List.copyOf(seen.keySet()), locationBuilder.errorPageFiles());
    }

    /** @return the warnings about the site just built (risky settings an operator should review), for --check */
    public List<String> warnings() {
        return checks.warnings();
    }

    private void bind(InetSocketAddress address, Directive listen, VirtualServer server, boolean markedDefault) {
        HostTable hosts = hostTables.computeIfAbsent(address, a -> new HostTable());
        origins.putIfAbsent(address, listen.position().toString());
        for (String name : server.names()) {
            VirtualServer owner = hosts.claimedBy(name);
            if (owner != null) {
                errors.add(new ConfigError(listen.position(), "server_name '" + name + "' on "
                        + Addresses.format(address) + " is already used by the server at " + owner.position()));
            }
        }
        if (markedDefault) {
            Directive earlier = defaultMarks.putIfAbsent(address, listen);
            if (earlier != null) {
                errors.add(new ConfigError(listen.position(), "a second default_server for "
                        + Addresses.format(address) + " (the first is at " + earlier.position() + ")"));
                return;
            }
        }
        hosts.add(server, markedDefault);
    }

    /**
     * Loads the certificates of every server on a TLS address, once per server, here while the site is built: a
     * reload that builds a new site therefore reads renewed certificate files.
     */
    private Map<InetSocketAddress, Map<VirtualServer, TlsProvider.ServerCredentials>> credentials() {
        Map<InetSocketAddress, Map<VirtualServer, TlsProvider.ServerCredentials>> result = new HashMap<>();
        Map<VirtualServer, TlsProvider.ServerCredentials> loaded = new IdentityHashMap<>();
        for (Map.Entry<InetSocketAddress, Directive> entry : tlsListens.entrySet()) {
            if (tlsProvider == null) {
                errors.add(new ConfigError(entry.getValue().position(), "listen ... ssl needs the TLS module "
                        + "(server-tls) on the module path"));
                continue;
            }
            Map<VirtualServer, TlsProvider.ServerCredentials> byServer = new IdentityHashMap<>();
            for (VirtualServer server : hostTables.get(entry.getKey()).servers()) {
                if (!loaded.containsKey(server)) {
                    Scope scope = serverScopes.get(server);
                    try {
                        loaded.put(server, tlsProvider.configure(scope.block(), scope::inherited));
                    } catch (ConfigException e) {
                        errors.addAll(e.errors());
                        loaded.put(server, null);
                    }
                }
                byServer.put(server, loaded.get(server));
            }
            result.put(entry.getKey(), byServer);
        }
        return result;
    }

    private static Timeouts timeouts(Scope server) throws ConfigException {
        Timeouts d = Timeouts.DEFAULTS;
        return new Timeouts(
                millis(server, "client_header_timeout", d.header()),
                millis(server, "client_body_timeout", d.body()),
                millis(server, "keepalive_timeout", d.keepAlive()),
                millis(server, "send_timeout", d.send()),
                millis(server, "request_timeout", d.request()),
                intSetting(server, "keepalive_requests", d.keepAliveRequests()),
                millis(server, "client_body_total_timeout", d.bodyTotal()));
    }

    private static long millis(Scope scope, String name, long fallback) throws ConfigException {
        Optional<Directive> directive = scope.inherited(name);
        return directive.isPresent() ? directive.get().durationArg(0).toMillis() : fallback;
    }

    private static int intSetting(Scope scope, String name, int fallback) throws ConfigException {
        Optional<Directive> directive = scope.inherited(name);
        return directive.isPresent() ? directive.get().intArg(0) : fallback;
    }

    private static boolean flagSetting(Scope scope, String name, boolean fallback) throws ConfigException {
        Optional<Directive> directive = scope.inherited(name);
        return directive.isPresent() ? directive.get().flagArg(0) : fallback;
    }

    /** Builds the handler chain of one location: {@code handler NAME;} picks one type, else every type that applies. */
    static List<Handler> chain(List<HandlerProvider> providers, LocationScope scope, SiteChecks checks)
            throws ConfigException {
        Optional<Directive> explicit = scope.inherited("handler");
        List<Handler> chain = new ArrayList<>();
        if (explicit.isPresent()) {
            String name = explicit.get().arg(0);
            for (HandlerProvider provider : providers) {
                if (provider.name().equals(name)) {
                    chain.add(provider.createExplicit(scope));
                    executables(provider, scope, checks);
                    return chain;
                }
            }
            throw explicit.get().argError(0, "unknown handler '" + name + "'; known: "
                    + providers.stream().map(HandlerProvider::name).toList());
        }
        for (HandlerProvider provider : providers) {
            Optional<Handler> handler = provider.create(scope);
            if (handler.isPresent()) {
                chain.add(handler.get());
                // Asked only of the types in the chain: a location that names another handler runs nothing.
                executables(provider, scope, checks);
            }
        }
        return chain;
    }

    private static void executables(HandlerProvider provider, LocationScope scope, SiteChecks checks)
            throws ConfigException {
        Optional<ExecutableFiles> area = provider.executables(scope);
        if (area.isPresent()) {
            checks.executes(area.get());
            scope.route().runs(area.get().extensions());
        }
    }
}
