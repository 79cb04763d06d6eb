package dev.solo.core.internal;

import dev.solo.core.EventLoop;
import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain TCP connection registered with the loop's selector; the selection key's attachment.
 *
 * <p>Two system calls per connection are saved here, which matters when every request brings a new connection:
 * {@code TCP_NODELAY} is set only before a write that Nagle's algorithm could hold back, and the socket is closed only
 * once the selector has dropped it (see {@link #close()}).
 */
final class SocketTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);
    /**
     * A first write up to this size leaves in one segment on any path (a common MSS is 1448 bytes), and with nothing
     * unacknowledged Nagle sends it at once: a connection that answers one small response and closes needs no
     * {@code setsockopt}.
     */
    private static final long ONE_SEGMENT = 1400;

    private final long id;
    private final SelectorLoop loop;
    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private SelectionKey key;
    private ConnectionHandler handler;
    private boolean open = true;
    private boolean noDelay;
    private boolean firstWriteDone;

    SocketTransport(long id, SelectorLoop loop, SocketChannel channel) throws IOException {
        this(id, loop, channel, (InetSocketAddress) channel.getRemoteAddress());
    }

    /** For an outgoing connection, whose peer the channel does not report until it is established. */
    SocketTransport(long id, SelectorLoop loop, SocketChannel channel, InetSocketAddress remote) throws IOException {
        this.id = id;
        this.loop = loop;
        this.channel = channel;
        this.remote = remote;
        this.local = (InetSocketAddress) channel.getLocalAddress();
    }

    /**
     * Completes an outgoing connection whose socket reported {@code OP_CONNECT}: tells the handler it is up, or closes
     * the transport (and so tells the handler) when it failed.
     */
    void finishConnect() {
        try {
            if (!channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            LOG.debug("conn {}: connecting to {} failed: {}", id, remote, e.toString());
            close();
            return;
        }
        key.interestOps(0);
        connected();
    }

    /** The outgoing connection is up: requests are small and pipelined, so Nagle would only delay them. */
    void connected() {
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            noDelay = true;
        } catch (IOException e) {
            LOG.debug("conn {}: TCP_NODELAY failed: {}", id, e.toString());
        }
        handler.onConnected();
    }

    void key(SelectionKey selectionKey) {
        this.key = selectionKey;
    }

    void handler(ConnectionHandler connectionHandler) {
        this.handler = connectionHandler;
    }

    ConnectionHandler handler() {
        return handler;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (!noDelay) {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += srcs[i].remaining();
            }
            noDelayUnlessFirstSmallWrite(total);
        }
        return channel.write(srcs, offset, length);
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        if (!noDelay) {
            noDelayUnlessFirstSmallWrite(count);
        }
        return file.transferTo(position, count, channel);
    }

    /**
     * Nagle's algorithm holds a small segment back while earlier data is unacknowledged, which would delay the tail
     * of every response after the first by a round trip (or a delayed ACK). Only the first write, when it fits in one
     * segment, is safe without {@code TCP_NODELAY}; every later or larger write gets it.
     */
    private void noDelayUnlessFirstSmallWrite(long bytes) throws IOException {
        if (firstWriteDone || bytes > ONE_SEGMENT) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            noDelay = true;
        }
        firstWriteDone = true;
    }

    @Override
    public void interest(boolean read, boolean write) {
        if (!open) {
            return;
        }
        int ops = (read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    @Override
    public void shutdownOutput() {
        if (!open) {
            return;
        }
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            LOG.debug("conn {}: shutdownOutput failed: {}", id, e.toString());
        }
    }

    /**
     * Closes the connection now as far as everyone but the kernel is concerned: no more I/O, the handler is told. The
     * socket itself is closed by the loop right after its next select has dropped the cancelled key: a channel still
     * registered with a selector cannot be closed at once, so the JDK would instead query {@code SO_LINGER} and
     * {@code shutdown} it, two system calls per connection that closing after deregistration avoids.
     */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        if (key != null) {
            key.cancel();
            loop.closeAfterDeregistration(this);
        } else {
            closeChannel();
        }
        loop.connectionClosed(this);
        if (handler != null) {
            try {
                handler.onClosed();
            } catch (RuntimeException | Error e) {
                LOG.error("conn {}: handler failed while closing", id, e);
            }
        }
    }

    /** Closes the socket; called by the loop once the selector no longer holds it. */
    void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("conn {}: close failed: {}", id, e.toString());
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String toString() {
        return "conn " + id + " " + remote;
    }
}
