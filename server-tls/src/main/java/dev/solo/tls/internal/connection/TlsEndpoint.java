package dev.solo.tls.internal.connection;

import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionFactory;
import dev.solo.core.spi.ConnectionHandler;
import dev.solo.http.spi.TlsProvider;
import dev.solo.tls.internal.ServerTls;
import java.util.function.Function;

/**
 * One TLS address: opens a {@link TlsConnection} for each accepted socket, which handshakes with the credentials the
 * client's SNI name selects and then opens the HTTP connection on top of itself.
 */
public final class TlsEndpoint implements ConnectionFactory {

    private final ConnectionFactory plain;
    private final Function<String, TlsProvider.ServerCredentials> bySniName;
    private final long handshakeTimeoutMillis;
    private final TlsBuffers buffers;

    /**
     * @param plain the HTTP protocol, opened once the handshake is complete
     * @param bySniName the credentials for an SNI name, or for null (no SNI): the default server's
     * @param handshakeTimeoutMillis how long a handshake may take
     * @param buffers the loop's TLS buffers
     */
    public TlsEndpoint(ConnectionFactory plain, Function<String, TlsProvider.ServerCredentials> bySniName,
            long handshakeTimeoutMillis, TlsBuffers buffers) {
        this.plain = plain;
        this.bySniName = bySniName;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.buffers = buffers;
    }

    @Override
    public ConnectionHandler open(Transport transport) {
        return new TlsConnection(transport, this);
    }

    ConnectionFactory plain() {
        return plain;
    }

    ServerTls credentials(String serverName) {
        return (ServerTls) bySniName.apply(serverName);
    }

    long handshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    TlsBuffers buffers() {
        return buffers;
    }
}
