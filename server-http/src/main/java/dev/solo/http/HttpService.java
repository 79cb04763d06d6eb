package dev.solo.http;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.SourcePosition;
import dev.solo.config.spi.Plugins;
import dev.solo.core.Addresses;
import dev.solo.core.Listener;
import dev.solo.http.internal.config.LimitSettings;
import dev.solo.http.internal.config.SiteBuilder;
import dev.solo.http.internal.connection.HttpConnectionFactory;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.Site;
import dev.solo.http.internal.routing.VirtualServer;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.SessionManager;
import dev.solo.http.spi.SessionManagerProvider;
import dev.solo.http.spi.TlsProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The HTTP server described by a config document, ready to hand to a {@link dev.solo.core.Server}: one
 * {@link Listener} per address, each serving its virtual hosts.
 *
 * <pre>{@code
 * ConfigDocument doc = ConfigParser.parse(path);
 * DirectiveRegistry.load().validate(doc);
 * HttpService http = HttpService.configure(doc);
 * Server server = Server.create(b -> http.listeners().forEach(b::listen));
 * }</pre>
 */
public final class HttpService {

    private final Site site;
    private final List<Listener> listeners;
    private final List<String> warnings;

    private HttpService(Site site, HttpLimits limits, List<String> warnings, TlsProvider tls) {
        this.site = site;
        this.warnings = List.copyOf(warnings);
        Function<dev.solo.http.internal.routing.HostTable, dev.solo.core.spi.ConnectionFactory> factories =
                HttpConnectionFactory.shared(limits, site.accessLog());
        List<Listener> list = new ArrayList<>();
        for (Site.Binding binding : site.bindings()) {
            dev.solo.core.spi.ConnectionFactory factory = factories.apply(binding.hosts());
            if (binding.tls() != null) {
                binding.tls().forEach((server, credentials) -> {
                    if (credentials.verifiesClients()) {
                        binding.hosts().requireOwnHandshake(server);
                    }
                });
                // The certificate is chosen by the SNI name with the same rules as server_name.
                factory = tls.wrap(factory, name -> binding.tls().get(binding.hosts().select(name)),
                        binding.hosts().defaultServer().timeouts().header());
            }
            list.add(new Listener(binding.address(), factory, binding.origin(), binding.reusePort()));
        }
        this.listeners = List.copyOf(list);
    }

    /**
     * Builds the service with the handler types, session module and TLS module that are installed (found by
     * {@link Plugins#load(Class)}).
     *
     * @param document a document already validated against the directive registry
     * @return the service
     * @throws ConfigException with every semantic error of the document, or naming two modules that provide the same
     *                         handler type, or two session or TLS modules
     */
    public static HttpService configure(ConfigDocument document) throws ConfigException {
        return configure(document, List.of());
    }

    /**
     * Builds the service with the installed plugins (found by {@link Plugins#load(Class)}) plus handler types of the
     * caller's (an embedding program's code handlers). These follow the same rule as installed ones: a name that an
     * installed module also provides is a configuration error.
     *
     * @param document a document already validated against the directive registry
     * @param extraHandlers handler types besides the installed ones
     * @return the service
     * @throws ConfigException with every semantic error of the document, or naming two modules that provide the same
     *                         handler type, or two session or TLS modules
     */
    public static HttpService configure(ConfigDocument document, List<HandlerProvider> extraHandlers)
            throws ConfigException {
        SourcePosition where = SourcePosition.ofFile(document.file());
        List<HandlerProvider> handlers = new ArrayList<>(extraHandlers);
        handlers.addAll(Plugins.load(HandlerProvider.class));
        // At most one of each: two would mean a silent pick of how sessions or certificates work.
        SessionManagerProvider sessions = Plugins.atMostOne("session module",
                Plugins.load(SessionManagerProvider.class), where).orElse(null);
        TlsProvider tls = Plugins.atMostOne("TLS module", Plugins.load(TlsProvider.class), where).orElse(null);
        return configure(document, handlers, sessions, tls);
    }

    /**
     * Builds the service with explicit plugins (tests, embedding).
     *
     * @param document a validated document
     * @param handlers the handler types
     * @param sessions the session module, or null
     * @return the service
     * @throws ConfigException with every semantic error of the document, or naming two handlers with the same name
     */
    public static HttpService configure(ConfigDocument document, List<HandlerProvider> handlers,
            SessionManagerProvider sessions) throws ConfigException {
        return configure(document, handlers, sessions, null);
    }

    /**
     * Builds the service with explicit plugins (tests, embedding).
     *
     * @param document a validated document
     * @param handlers the handler types
     * @param sessions the session module, or null
     * @param tls the TLS module, or null (then {@code listen ... ssl} is a config error)
     * @return the service
     * @throws ConfigException with every semantic error of the document, or naming two handlers with the same name
     */
    public static HttpService configure(ConfigDocument document, List<HandlerProvider> handlers,
            SessionManagerProvider sessions, TlsProvider tls) throws ConfigException {
        Plugins.byName("handler type", handlers, HandlerProvider::name, SourcePosition.ofFile(document.file()));
        SiteBuilder builder = new SiteBuilder(handlers, sessions, tls);
        Site site = builder.build(document);
        return new HttpService(site, LimitSettings.read(document, HttpLimits.DEFAULTS), builder.warnings(), tls);
    }

    /**
     * @return risky settings an operator should review, each {@code file:line:col: text}: writable locations open to
     *         the network, upload areas that hold a CGI directory, error pages a client could delete
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Hands the connections of a running service over to this one, for a reload (loop thread only): on every address
     * both serve, the requests that connections opened under {@code previous} send from now on are routed by this
     * service's servers; a request in flight finishes under the old ones. Connections on an address this service
     * no longer serves keep the old configuration until they close.
     *
     * @param previous the service that ran until now
     */
    public void takeOver(HttpService previous) {
        for (Site.Binding old : previous.site.bindings()) {
            for (Site.Binding binding : site.bindings()) {
                if (binding.address().equals(old.address())) {
                    old.hosts().forwardTo(binding.hosts());
                }
            }
        }
    }

    /**
     * Releases what this service holds outside the heap once no request uses it anymore, after a reload replaced it
     * (loop thread only): each server's session manager is closed (a network store's connection ends).
     */
    public void close() {
        Set<SessionManager> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Site.Binding binding : site.bindings()) {
            for (VirtualServer server : binding.hosts().servers()) {
                if (server.sessions() != null && closed.add(server.sessions())) {
                    server.sessions().close();
                }
            }
        }
    }

    /** @return one listener per configured address */
    public List<Listener> listeners() {
        return listeners;
    }

    /** @return the {@code max_connections} setting */
    public int maxConnections() {
        return site.maxConnections();
    }

    /**
     * @return a human summary of what the config serves: addresses, server names, locations with their handlers, the
     *         methods they answer and those that write files (what {@code solo --check} prints)
     */
    public String summary() {
        StringBuilder out = new StringBuilder();
        for (Site.Binding binding : site.bindings()) {
            out.append("listen ").append(Addresses.format(binding.address()))
                    .append(binding.tls() != null ? " ssl" : "").append('\n');
            for (VirtualServer server : binding.hosts().servers()) {
                out.append("  server ").append(server.names().isEmpty() ? "(no name)" : String.join(" ",
                        server.names()));
                if (server == binding.hosts().defaultServer()) {
                    out.append(" [default]");
                }
                out.append("  (").append(server.position()).append(")\n");
                for (RouteLocation location : server.locations().all()) {
                    out.append("    ").append(location).append(" -> ")
                            .append(location.handlers().stream().map(h -> h.getClass().getSimpleName()).toList())
                            .append("  allow: ").append(location.allowHeader())
                            .append("  writes: ").append(writes(location))
                            .append(location.runs().isEmpty() ? "" : "  runs: " + String.join(" ", location.runs()))
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String writes(RouteLocation location) {
        List<String> methods = new ArrayList<>();
        for (Method method : Method.values()) {
            if (location.writeMethods().contains(method)) {
                methods.add(method.token());
            }
        }
        return methods.isEmpty() ? "none" : String.join(" ", methods);
    }

    /**
     * @return the first name of each server per address, for the start-up lines ("listening on 127.0.0.1:8080:
     *         example.com, other.test")
     */
    public List<String> startupLines() {
        List<String> lines = new ArrayList<>();
        for (Site.Binding binding : site.bindings()) {
            List<String> names = binding.hosts().servers().stream()
                    .map(s -> s.names().isEmpty() ? "_" : String.join(" ", s.names())).toList();
            lines.add(Addresses.format(binding.address()) + " " + String.join(", ", names)
                    + (binding.tls() != null ? " (https)" : ""));
        }
        return lines;
    }
}
