package dev.solo.tls.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Verifies client certificates against {@code ssl_client_certificate}. With {@code ssl_verify_client on} a failure
 * ends the handshake; with {@code optional} it is recorded in the handshake session and the request goes on as
 * unverified ({@code SSL_CLIENT_VERIFY=FAILED:reason}, as mod_ssl says it).
 */
final class ClientTrust extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    private final boolean required;

    ClientTrust(X509ExtendedTrustManager pkix, boolean required) {
        this.pkix = pkix;
        this.required = required;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            pkix.checkClientTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            if (required) {
                throw e;
            }
            SSLSession session = engine.getHandshakeSession();
            if (session != null) {
                session.putValue(ServerTls.VERIFY_RESULT, "FAILED:" + reason(e));
            }
        }
    }

    /**
     * Verifies a chain again after the handshake, for providers whose handshake session does not keep the value
     * {@link #checkClientTrusted(X509Certificate[], String, SSLEngine)} put there (Conscrypt hands the trust manager
     * a session object of the moment, not the one the finished connection reports).
     *
     * @param chain the client's chain, leaf first
     * @return null when it is trusted, else {@code FAILED:reason}
     */
    String failure(X509Certificate[] chain) {
        try {
            // The authentication type names the leaf's key; the PKIX check of a client chain does not depend on it.
            pkix.checkClientTrusted(chain, chain[0].getPublicKey().getAlgorithm());
            return null;
        } catch (CertificateException e) {
            return "FAILED:" + reason(e);
        }
    }

    private static String reason(CertificateException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 120 ? message.substring(0, 120) : message;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        pkix.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a server does not verify servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a server does not verify servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a server does not verify servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
