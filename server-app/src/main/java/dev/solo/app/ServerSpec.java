package dev.solo.app;

import dev.solo.config.Directive;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code server} block written in code, inside {@link SoloBuilder#server}: its addresses, names, locations and
 * settings. Without a {@code listen} of its own it listens where {@link SoloBuilder#listen} says.
 */
public final class ServerSpec implements FileSettings<ServerSpec>, ResponseSettings<ServerSpec>,
        RouteSettings<ServerSpec>, ConnectionSettings<ServerSpec>, CgiSettings<ServerSpec>,
        SessionSettings<ServerSpec>, TlsSettings<ServerSpec> {

    private final String where;
    private final List<ExchangeHandler> lambdas;
    private final List<Directive> children = new ArrayList<>();
    private boolean listens;

    ServerSpec(String where, List<ExchangeHandler> lambdas) {
        this.where = where;
        this.lambdas = lambdas;
    }

    @Override
    public ServerSpec directive(String name, String... args) {
        if (name.equals("listen")) {
            listens = true;
        }
        children.add(Emitted.simple(where, name, args));
        return this;
    }

    /**
     * {@code listen HOST:PORT;}
     *
     * @param host an IP address or host name
     * @param port a port, 0 for any free one (see {@link Solo#addresses()})
     * @return this builder
     */
    public ServerSpec listen(String host, int port) {
        return directive("listen", address(host, port));
    }

    /**
     * {@code listen HOST:PORT PARAMETER...;} with {@code default_server}, {@code ssl} or {@code reuseport}.
     *
     * @param host an IP address or host name
     * @param port a port
     * @param parameters the listen parameters
     * @return this builder
     */
    public ServerSpec listen(String host, int port, String... parameters) {
        String[] args = new String[parameters.length + 1];
        args[0] = address(host, port);
        System.arraycopy(parameters, 0, args, 1, parameters.length);
        return directive("listen", args);
    }

    /**
     * {@code listen HOST:PORT ssl;} HTTPS, with the certificate of {@link #sslCertificate} (module {@code server-tls}).
     *
     * @param host an IP address or host name
     * @param port a port
     * @return this builder
     */
    public ServerSpec listenSsl(String host, int port) {
        return listen(host, port, "ssl");
    }

    static String address(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * {@code server_name NAME...;} the Host names this server answers ({@code *.example.com} allowed).
     *
     * @param names the names
     * @return this builder
     */
    public ServerSpec serverName(String... names) {
        return directive("server_name", names);
    }

    /**
     * {@code location PREFIX { ... }}
     *
     * @param prefix the path prefix, e.g. {@code /api/}
     * @param settings its settings
     * @return this builder
     */
    public ServerSpec location(String prefix, Consumer<LocationSpec> settings) {
        children.add(LocationSpec.nested(where, lambdas, prefix, false, settings));
        return this;
    }

    /**
     * {@code location = PATH { ... }}
     *
     * @param path the exact path
     * @param settings its settings
     * @return this builder
     */
    public ServerSpec exactLocation(String path, Consumer<LocationSpec> settings) {
        children.add(LocationSpec.nested(where, lambdas, path, true, settings));
        return this;
    }

    /** @return the block, with {@code defaults} as its listens when it set none */
    Directive toDirective(List<String> defaults) {
        List<Directive> all = new ArrayList<>();
        if (!listens) {
            for (String address : defaults) {
                all.add(Emitted.simple(where + " (from Solo.builder().listen)", "listen", address));
            }
        }
        all.addAll(children);
        return Emitted.block(where, "server", all);
    }
}
