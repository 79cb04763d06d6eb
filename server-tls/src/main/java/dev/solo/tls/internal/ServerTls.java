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
    /** With {@code ssl_verify_client optional} and a provider other than the JDK's: checks the chain again. */
    private final ClientTrust recheck;

    ServerTls(SSLContext context, SSLParameters parameters, String description, List<X509Certificate> leaves,
            ClientTrust recheck) {
        this.context = context;
        this.parameters = parameters;
        this.description = description;
        this.leaves = List.copyOf(leaves);
        this.recheck = recheck;
    }

    /**
     * Why an optional client certificate failed verification, when the handshake session could not say it: the
     * JDK's engine keeps what {@link ClientTrust} records during the handshake, Conscrypt's does not, so with it the
     * chain is verified once more here (only for {@code ssl_verify_client optional}, only when the client sent a
     * certificate). Without this, an untrusted certificate would be reported as verified.
     *
     * @param chain the client's certificate chain, leaf first
     * @return {@code FAILED:reason}, or null when it is trusted or the session already said
     */
    public String optionalVerifyFailure(X509Certificate[] chain) {
        return recheck == null ? null : recheck.failure(chain);
    }

    @Override
    public boolean verifiesClients() {
        return parameters.getNeedClientAuth() || parameters.getWantClientAuth();
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
