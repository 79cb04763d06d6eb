package dev.solo.tls.internal.connection;

import dev.solo.http.TlsInfo;
import dev.solo.tls.internal.ServerTls;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/** What HTTP, CGI and the access log learn about a finished handshake. */
final class SessionInfo {

    private SessionInfo() {
    }

    static TlsInfo of(SSLSession session, String serverName, ServerTls tls) {
        String subject = null;
        String verify = "NONE";
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate) {
                subject = ((X509Certificate) peer[0]).getSubjectX500Principal().getName(X500Principal.RFC2253);
                Object failure = session.getValue(ServerTls.VERIFY_RESULT);
                if (failure == null) {
                    failure = tls.optionalVerifyFailure(x509(peer));
                }
                verify = failure != null ? failure.toString() : "SUCCESS";
            }
        } catch (SSLPeerUnverifiedException e) {
            // no client certificate: NONE
        }
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), serverName, subject, verify);
    }

    private static X509Certificate[] x509(Certificate[] chain) {
        X509Certificate[] result = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            result[i] = (X509Certificate) chain[i];
        }
        return result;
    }
}
