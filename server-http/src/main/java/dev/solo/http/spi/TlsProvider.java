package dev.solo.http.spi;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.core.spi.ConnectionFactory;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link java.util.ServiceLoader} entry of a TLS module: what turns {@code listen ... ssl;} into HTTPS. At most
 * one may be installed: two are a config error.
 *
 * <p>The HTTP module asks it for the credentials of every server block that listens on a TLS address while it builds
 * the site from the config, so a config reload reads renewed certificate files again; then, for each TLS address, it
 * wraps the plain HTTP connection factory: each accepted socket handshakes first, with the credentials of the server
 * that the client's SNI name selects, and the HTTP connection is opened on a {@link SecureTransport} afterwards.
 */
public interface TlsProvider {

    /**
     * Reads the {@code ssl_*} settings of one server block and loads its certificates and keys.
     *
     * @param server the {@code server} block
     * @param inherited looks a directive up in the server block, then the top level
     * @return the block's credentials, opaque to the HTTP module
     * @throws ConfigException for a missing certificate, an unreadable file, a key that does not match, an unknown
     *                         protocol or cipher name
     */
    ServerCredentials configure(Directive server, Function<String, Optional<Directive>> inherited)
            throws ConfigException;

    /**
     * Wraps the HTTP protocol of one address in TLS.
     *
     * @param plain opens the HTTP connection once the handshake is complete
     * @param bySniName the credentials for an SNI host name (null when the client sent none), chosen by the same
     *                  rules as {@code server_name}
     * @param handshakeTimeoutMillis how long a handshake may take (the header timeout of the default server)
     * @return the factory to listen with
     */
    ConnectionFactory wrap(ConnectionFactory plain, Function<String, ServerCredentials> bySniName,
            long handshakeTimeoutMillis);

    /** One server block's certificates and TLS settings, made by {@link #configure} and only read by its provider. */
    interface ServerCredentials {

        /**
         * Whether this server asks clients for a certificate ({@code ssl_verify_client on} or {@code optional}).
         * The HTTP module then answers a request for this server only on a connection whose handshake was made
         * with this server's settings: a client that sends no SNI gets the default server's handshake, which may
         * not have asked for a certificate at all, or verified it against other authorities.
         *
         * @return true when the handshake verifies client certificates
         */
        default boolean verifiesClients() {
            return false;
        }
    }
}
