package dev.solo.http.spi;

import dev.solo.core.Transport;
import dev.solo.http.TlsInfo;

/**
 * A transport that decrypts what it reads and encrypts what it writes: what a {@link TlsProvider} hands to the HTTP
 * connection in place of the socket, once the handshake is complete.
 */
public interface SecureTransport extends Transport {

    /** @return the negotiated session, as requests show it */
    TlsInfo tls();
}
