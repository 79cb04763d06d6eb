package dev.solo.core.spi;

import dev.solo.core.Transport;

/** Opens a protocol handler for each connection a listener accepts. Called on the loop thread. */
@FunctionalInterface
public interface ConnectionFactory {

    /**
     * @param transport the accepted, non-blocking socket; the handler must set its interest
     * @return the handler that the loop will call for this socket
     */
    ConnectionHandler open(Transport transport);
}
