package dev.solo.app;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A server written in code rather than in a config file, from {@link Solo#builder()}:
 * <pre>{@code
 * Solo solo = Solo.builder()
 *     .listen("127.0.0.1", 8080)
 *     .server(s -> s.serverName("example.com").root(Path.of("public"))
 *         .location("/hello", l -> l.methods(Method.GET)
 *             .handler(ex -> ex.respond(Status.OK, "text/plain", "Hello")))
 *         .location("/uploads/", l -> l.upload(true).uploadStore(Path.of("data/uploads"))
 *             .clientMaxBodySize(64L << 20))
 *         .location("/cgi-bin/", l -> l.cgi(".py", "python3")))
 *     .build();
 * solo.start();
 * solo.run();   // or on a thread of your own; solo.stop() ends it
 * }</pre>
 *
 * <p>Each call writes the directive of the same name into a config document; {@link #build()} validates that
 * document against every installed module's directives and builds it exactly as a config file is built. So code can
 * say whatever a file can, the same defaults and inheritance apply, and errors are as precise: each names the builder
 * call, e.g. {@code [builder] server #1 > location "/up/" > client_max_body_size -1: ...}.
 */
public final class SoloBuilder implements FileSettings<SoloBuilder>, ResponseSettings<SoloBuilder>,
        ConnectionSettings<SoloBuilder>, CgiSettings<SoloBuilder>, SessionSettings<SoloBuilder>,
        TlsSettings<SoloBuilder> {

    private final List<Directive> top = new ArrayList<>();
    private final List<ServerSpec> servers = new ArrayList<>();
    private final List<String> defaultListens = new ArrayList<>();
    private final List<ExchangeHandler> lambdas = new ArrayList<>();

    SoloBuilder() {
    }

    @Override
    public SoloBuilder directive(String name, String... args) {
        top.add(Emitted.simple("main", name, args));
        return this;
    }

    /**
     * Where servers listen that have no {@link ServerSpec#listen} of their own (repeatable).
     *
     * @param host an IP address or host name
     * @param port a port, 0 for any free one (see {@link Solo#addresses()})
     * @return this builder
     */
    public SoloBuilder listen(String host, int port) {
        defaultListens.add(ServerSpec.address(host, port));
        return this;
    }

    /**
     * A {@code server { ... }} block.
     *
     * @param settings its addresses, names, locations and settings
     * @return this builder
     */
    public SoloBuilder server(Consumer<ServerSpec> settings) {
        ServerSpec server = new ServerSpec("server #" + (servers.size() + 1), lambdas);
        settings.accept(server);
        servers.add(server);
        return this;
    }

    /**
     * {@code max_connections N;}
     *
     * @param connections open connections at most; beyond, accepting pauses
     * @return this builder
     */
    public SoloBuilder maxConnections(int connections) {
        return directive("max_connections", Integer.toString(connections));
    }

    /**
     * {@code ssl_provider NAME;} which provider makes the TLS engines of every server: {@code jdk} (the default) or
     * {@code conscrypt} (BoringSSL, module {@code server-tls-conscrypt}, on linux-x86_64, macOS x86_64 and Windows).
     *
     * @param name {@code jdk}, {@code conscrypt}, or the name of another installed {@code java.security.Provider}
     * @return this builder
     */
    public SoloBuilder sslProvider(String name) {
        return directive("ssl_provider", name);
    }

    /**
     * {@code access_log on|off;}
     *
     * @param on whether each request is logged
     * @return this builder
     */
    public SoloBuilder accessLog(boolean on) {
        return directive("access_log", Emitted.flag(on));
    }

    /**
     * {@code max_request_line_size N;} the codec's {@link dev.solo.http.HttpLimits#maxRequestLineBytes()}.
     *
     * @param bytes the longest request line, terminator included; longer ones are answered 414
     * @return this builder
     */
    public SoloBuilder maxRequestLineSize(int bytes) {
        return directive("max_request_line_size", Integer.toString(bytes));
    }

    /**
     * {@code max_header_size N;} the codec's {@link dev.solo.http.HttpLimits#maxHeaderBytes()}.
     *
     * @param bytes the largest header block; larger ones are answered 431
     * @return this builder
     */
    public SoloBuilder maxHeaderSize(int bytes) {
        return directive("max_header_size", Integer.toString(bytes));
    }

    /**
     * {@code max_header_count N;} the codec's {@link dev.solo.http.HttpLimits#maxHeaderCount()}.
     *
     * @param fields the most header field lines; more are answered 431
     * @return this builder
     */
    public SoloBuilder maxHeaderCount(int fields) {
        return directive("max_header_count", Integer.toString(fields));
    }

    /**
     * The codec's limits at once: {@link #maxRequestLineSize}, {@link #maxHeaderSize}, {@link #maxHeaderCount} and
     * {@code client_max_body_size} as the default body limit. Chunk extensions and trailers keep the defaults of
     * {@link dev.solo.http.HttpLimits#DEFAULTS}, which have no directive.
     *
     * @param limits the limits
     * @return this builder
     */
    public SoloBuilder limits(dev.solo.http.HttpLimits limits) {
        return maxRequestLineSize(limits.maxRequestLineBytes()).maxHeaderSize(limits.maxHeaderBytes())
                .maxHeaderCount(limits.maxHeaderCount()).clientMaxBodySize(limits.maxBodyBytes());
    }

    /**
     * @return the config document the calls so far describe, as the parser would produce it from a file (for tests
     *         and for {@code solo --check}-like tools)
     */
    public ConfigDocument document() {
        List<Directive> all = new ArrayList<>(top);
        for (ServerSpec server : servers) {
            all.add(server.toDirective(defaultListens));
        }
        return new ConfigDocument(Path.of("[builder]"), all, List.of());
    }

    /**
     * Validates and builds the server; nothing is bound until {@link Solo#start()}.
     *
     * @return the server
     * @throws ConfigException with every error, each naming the builder call that caused it
     */
    public Solo build() throws ConfigException {
        return Solo.build(document(), List.of(LambdaHandlers.DIRECTIVES), List.of(new LambdaHandlers(lambdas)));
    }
}
