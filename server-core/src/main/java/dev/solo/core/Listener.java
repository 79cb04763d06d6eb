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
 * @param reusePort whether to bind with {@code SO_REUSEPORT}, so that several processes (the workers of one
 *                  {@code solo}, or servers started on their own) listen on the same address and the kernel spreads
 *                  new connections between them
 */
public record Listener(InetSocketAddress address, ConnectionFactory factory, String origin, boolean reusePort) {

    /**
     * Validates the parts.
     *
     * @param address where to bind; port 0 picks a free port
     * @param factory opens a handler for each accepted connection
     * @param origin where this listener was declared, or a short label
     * @param reusePort whether to bind with {@code SO_REUSEPORT}
     */
    public Listener {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * A listener without {@code SO_REUSEPORT}.
     *
     * @param address where to bind; port 0 picks a free port
     * @param factory opens a handler for each accepted connection
     * @param origin where this listener was declared, or a short label
     */
    public Listener(InetSocketAddress address, ConnectionFactory factory, String origin) {
        this(address, factory, origin, false);
    }

    /** @return this listener bound with {@code SO_REUSEPORT} */
    public Listener withReusePort() {
        return reusePort ? this : new Listener(address, factory, origin, true);
    }
}
