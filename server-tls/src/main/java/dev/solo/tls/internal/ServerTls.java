package dev.solo.tls.internal;

import dev.solo.http.spi.TlsProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * One server block's TLS: its {@link SSLContext} (certificates, client trust, session cache) and the parameters each
 * engine gets (protocols, cipher suites, client authentication). Built with the site, so a reload reads the files
 * again; connections already open keep the engine they have.
 */
public final class ServerTls implements TlsProvider.ServerCredentials {

    /** The session value that holds why an optional client certificate failed verification. */
    public static final String VERIFY_RESULT = "dev.solo.tls.verify";

    /** ALPN (RFC 7301 §3.2): http/1.1 when offered; otherwise no ALPN answer at all rather than a failed handshake. */
    private static final BiFunction<SSLEngine, List<String>, String> ALPN =
            (engine, offered) -> offered.contains("http/1.1") ? "http/1.1" : "";

    private final SSLContext context;
    private final SSLParameters parameters;
    private final String description;
    private final List<X509Certificate> leaves;

    ServerTls(SSLContext context, SSLParameters parameters, String description, List<X509Certificate> leaves) {
        this.context = context;
        this.parameters = parameters;
        this.description = description;
        this.leaves = List.copyOf(leaves);
    }

    /** @return the leaf certificate of each configured pair, in config order */
    List<X509Certificate> leafCertificates() {
        return leaves;
    }

    /** @return a server-side engine with this block's settings, not yet handshaking */
    public SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(parameters);
        engine.setHandshakeApplicationProtocolSelector(ALPN);
        return engine;
    }

    /** @return the context, for tests that inspect what was loaded */
    SSLContext context() {
        return context;
    }

    /** @return the enabled protocols */
    List<String> protocols() {
        return List.of(parameters.getProtocols());
    }

    /** @return the enabled cipher suites */
    List<String> cipherSuites() {
        return List.of(parameters.getCipherSuites());
    }

    /** @return whether clients are asked for a certificate: "on", "optional" or "off" */
    String verifyClient() {
        return parameters.getNeedClientAuth() ? "on" : parameters.getWantClientAuth() ? "optional" : "off";
    }

    @Override
    public String toString() {
        return description;
    }
}
