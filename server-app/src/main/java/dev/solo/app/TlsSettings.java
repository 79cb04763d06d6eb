package dev.solo.app;

import java.nio.file.Path;
import java.time.Duration;

/**
 * HTTPS (module {@code server-tls}), for the whole program or one server; see {@link ServerSpec#listenSsl}.
 *
 * @param <T> the builder, returned for chaining
 */
public interface TlsSettings<T> extends Settings<T> {

    /**
     * {@code ssl_certificate FILE;} (repeatable: an RSA and an ECDSA chain)
     *
     * @param chain a PEM certificate chain
     * @return this builder
     */
    default T sslCertificate(Path chain) {
        return directive("ssl_certificate", Emitted.path(chain));
    }

    /**
     * {@code ssl_certificate_key FILE;}
     *
     * @param key the PEM private key of the certificate at the same rank
     * @return this builder
     */
    default T sslCertificateKey(Path key) {
        return directive("ssl_certificate_key", Emitted.path(key));
    }

    /**
     * {@code ssl_protocols P...;}
     *
     * @param protocols e.g. {@code TLSv1.2}, {@code TLSv1.3}
     * @return this builder
     */
    default T sslProtocols(String... protocols) {
        return directive("ssl_protocols", protocols);
    }

    /**
     * {@code ssl_ciphers LIST;}
     *
     * @param ciphers an OpenSSL-style list
     * @return this builder
     */
    default T sslCiphers(String ciphers) {
        return directive("ssl_ciphers", ciphers);
    }

    /**
     * {@code ssl_prefer_server_ciphers on|off;}
     *
     * @param on whether the server's order wins
     * @return this builder
     */
    default T sslPreferServerCiphers(boolean on) {
        return directive("ssl_prefer_server_ciphers", Emitted.flag(on));
    }

    /**
     * {@code ssl_session_timeout T;}
     *
     * @param timeout how long a TLS session may be resumed
     * @return this builder
     */
    default T sslSessionTimeout(Duration timeout) {
        return directive("ssl_session_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code ssl_session_tickets on|off;}
     *
     * @param on whether session tickets are issued
     * @return this builder
     */
    default T sslSessionTickets(boolean on) {
        return directive("ssl_session_tickets", Emitted.flag(on));
    }

    /**
     * {@code ssl_client_certificate FILE;}
     *
     * @param authorities PEM certificates of the authorities client certificates must chain to
     * @return this builder
     */
    default T sslClientCertificate(Path authorities) {
        return directive("ssl_client_certificate", Emitted.path(authorities));
    }

    /**
     * {@code ssl_verify_client on|optional|off;}
     *
     * @param mode whether a client certificate is required, asked for, or not
     * @return this builder
     */
    default T sslVerifyClient(String mode) {
        return directive("ssl_verify_client", mode);
    }
}
