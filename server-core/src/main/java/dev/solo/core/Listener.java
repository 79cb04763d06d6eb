package dev.solo.core;

import dev.solo.core.spi.ConnectionFactory;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One address to listen on and the protocol to speak there.
 *
 * @param address where to bind; port 0 picks a free port
 * @param factory opens a handler for each accepted connection
 * @param origin where this listener was declared (a config position, for error messages), or a short label
 */
public record Listener(InetSocketAddress address, ConnectionFactory factory, String origin) {

    /** Validates the parts. */
    public Listener {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(origin, "origin");
    }
}
