package dev.solo.core.internal;

import dev.solo.core.EventLoop;
import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A plain TCP connection registered with the loop's selector; the selection key's attachment. */
final class SocketTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);

    private final long id;
    private final SelectorLoop loop;
    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private SelectionKey key;
    private ConnectionHandler handler;
    private boolean open = true;

    SocketTransport(long id, SelectorLoop loop, SocketChannel channel) throws IOException {
        this.id = id;
        this.loop = loop;
        this.channel = channel;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.local = (InetSocketAddress) channel.getLocalAddress();
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
        return channel.write(srcs, offset, length);
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        return file.transferTo(position, count, channel);
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

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("conn {}: close failed: {}", id, e.toString());
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

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String toString() {
        return "conn " + id + " " + remote;
    }
}
