package dev.solo.core.internal;

import dev.solo.core.Addresses;
import dev.solo.core.Listener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening socket on the loop. Accepts in small batches; pauses when the server is at its connection limit
 * (the kernel's backlog holds newcomers until a slot frees) and, when the process runs out of file descriptors or of
 * memory for one more connection, for a short back-off so the loop keeps serving the connections it has instead of
 * spinning on EMFILE or dying of an OutOfMemoryError.
 */
final class Acceptor {

    private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);
    private static final int ACCEPTS_PER_EVENT = 64;
    private static final long EMFILE_BACKOFF_MILLIS = 100;

    private final SelectorLoop loop;
    /** Replaced by a reload that keeps this address: connections accepted from then on speak the new protocol. */
    private Listener listener;
    private final ServerSocketChannel channel;
    private final SelectionKey key;
    private final InetSocketAddress boundAddress;
    private boolean descriptorsExhausted;

    private Acceptor(SelectorLoop loop, Listener listener, ServerSocketChannel channel) throws IOException {
        this.loop = loop;
        this.listener = listener;
        this.channel = channel;
        this.boundAddress = (InetSocketAddress) channel.getLocalAddress();
        this.key = channel.register(loop.selector(), SelectionKey.OP_ACCEPT, this);
    }

    static Acceptor bind(SelectorLoop loop, Listener listener, int backlog) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (listener.reusePort()) {
                // Linux spreads the connections of one address between every socket bound with SO_REUSEPORT
                // (by the same user): the workers of one solo, or independently started servers.
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            channel.bind(listener.address(), backlog);
            channel.configureBlocking(false);
            return new Acceptor(loop, listener, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Listener listener() {
        return listener;
    }

    void retarget(Listener next) {
        this.listener = next;
    }

    InetSocketAddress boundAddress() {
        return boundAddress;
    }

    void acceptReady() {
        for (int i = 0; i < ACCEPTS_PER_EVENT; i++) {
            if (loop.atConnectionLimit()) {
                pause();
                return;
            }
            SocketChannel socket;
            try {
                socket = channel.accept();
            } catch (IOException e) {
                onAcceptFailure(e);
                return;
            }
            if (socket == null) {
                return;
            }
            descriptorsExhausted = false;
            try {
                socket.configureBlocking(false);
                // TCP_NODELAY is set by the transport before the first write Nagle could hold back (see there).
                loop.register(socket, this);
            } catch (IOException e) {
                LOG.debug("accepted socket failed at setup: {}", e.toString());
                closeQuietly(socket);
            } catch (OutOfMemoryError e) {
                // No memory for one more connection: refuse it and give the ones open a moment to finish.
                closeQuietly(socket);
                LOG.error("accept on {}: out of memory for a new connection; pausing accepts for {} ms",
                        Addresses.format(boundAddress), EMFILE_BACKOFF_MILLIS);
                pause();
                loop.schedule(EMFILE_BACKOFF_MILLIS, this::resume);
                return;
            }
        }
    }

    private void onAcceptFailure(IOException e) {
        if (!channel.isOpen()) {
            return;
        }
        // EMFILE/ENFILE surface as IOException("Too many open files"); log once per episode, back off, retry.
        if (!descriptorsExhausted) {
            LOG.error("accept on {} failed ({}); pausing accepts for {} ms", Addresses.format(boundAddress),
                    e.getMessage(), EMFILE_BACKOFF_MILLIS);
            descriptorsExhausted = true;
        }
        pause();
        loop.schedule(EMFILE_BACKOFF_MILLIS, this::resume);
    }

    void pause() {
        if (key.isValid()) {
            key.interestOps(0);
        }
    }

    void resume() {
        if (key.isValid() && !loop.isStopping()) {
            key.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing listener failed", e);
        }
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with a socket we never used
        }
    }
}
