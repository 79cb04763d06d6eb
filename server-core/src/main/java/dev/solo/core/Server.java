package dev.solo.core;

import dev.solo.core.internal.SelectorLoop;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A set of listeners driven by one {@link EventLoop}.
 *
 * <p>Lifecycle: {@link #create} → {@link #start()} (binds everything or nothing) → {@link #run()} on the thread that
 * becomes the loop → {@link #shutdown(Duration)} from any thread (a signal handler, a test) → {@code run()} returns.
 */
public interface Server {

    /**
     * @param configurer sets the listeners and limits
     * @return a server that is not yet bound
     */
    static Server create(Consumer<Builder> configurer) {
        Builder builder = new Builder();
        configurer.accept(builder);
        return builder.build();
    }

    /**
     * Binds every listener. If one fails, the ones already bound are closed again.
     *
     * @throws BindFailure naming the listener that could not be bound and why
     */
    void start() throws BindFailure;

    /** Runs the loop on the calling thread until {@link #shutdown(Duration)} completes. */
    void run();

    /**
     * Stops accepting, lets connections finish their request in flight for up to {@code grace}, then closes the rest.
     * Safe from any thread; returns at once.
     *
     * @param grace how long in-flight responses may take to finish
     */
    void shutdown(Duration grace);

    /**
     * Moves to another set of listeners, for a reload: an address in both keeps its open socket and takes the new
     * protocol for the connections it accepts from now on (connections already open keep theirs); new addresses are
     * bound, addresses no longer listed are closed. All or nothing. Loop thread only (from a task given to
     * {@link EventLoop#execute}).
     *
     * @param listeners the listeners from now on
     * @param maxConnections the connection limit from now on
     * @return which addresses were kept, added and removed
     * @throws BindFailure when a new address cannot be bound; then nothing changed
     */
    ListenerChanges rebind(List<Listener> listeners, int maxConnections) throws BindFailure;

    /** @return the loop that drives this server */
    EventLoop loop();

    /** @return the bound addresses in listener order (ports resolved when 0 was asked); empty before start */
    List<InetSocketAddress> boundAddresses();

    /** @return connections currently open (loop thread, or approximate from other threads) */
    int openConnections();

    /** Configures a {@link Server}. */
    final class Builder {
        private final List<Listener> listeners = new ArrayList<>();
        private int maxConnections = 10_000;
        private int backlog = 1024;

        Builder() {
        }

        /**
         * Adds a listener.
         *
         * @param listener address and protocol
         * @return this builder
         */
        public Builder listen(Listener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /**
         * Adds a listener declared in code.
         *
         * @param address where to bind
         * @param factory the protocol
         * @return this builder
         */
        public Builder listen(InetSocketAddress address, dev.solo.core.spi.ConnectionFactory factory) {
            return listen(new Listener(address, factory, "listener " + listeners.size()));
        }

        /**
         * @param max connections open at once; beyond it the server stops accepting until one closes (the kernel's
         *            backlog holds the rest), default 10,000
         * @return this builder
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * @param backlog the listen queue length passed to the kernel, default 1024
         * @return this builder
         */
        public Builder backlog(int backlog) {
            this.backlog = backlog;
            return this;
        }

        Server build() {
            if (listeners.isEmpty()) {
                throw new IllegalStateException("a server needs at least one listener");
            }
            return new SelectorLoop(List.copyOf(listeners), maxConnections, backlog);
        }
    }
}
