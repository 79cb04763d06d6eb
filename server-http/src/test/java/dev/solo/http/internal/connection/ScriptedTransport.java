package dev.solo.http.internal.connection;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionHandler;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** A socket as the loop would drive it: input queued by the test, output collected, interest recorded. */
final class ScriptedTransport implements Transport {
    final EventLoop loop = mock(EventLoop.class);
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    ByteBuffer input = ByteBuffer.allocate(0);
    boolean read;
    boolean write;
    int interestCalls;
    int writes;
    boolean ended;
    boolean outputShut;
    boolean open = true;
    /** Told of the close, as the loop's transport tells its handler; null when the test does not need it. */
    ConnectionHandler handler;

    ScriptedTransport() {
        when(loop.schedule(anyLong(), any())).thenReturn(mock(Timer.class));
    }

    @Override
    public long id() {
        return 1;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40000);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 8080);
    }

    @Override
    public int read(ByteBuffer dst) {
        if (ended && !input.hasRemaining()) {
            return -1;
        }
        int n = Math.min(dst.remaining(), input.remaining());
        ByteBuffer slice = input.slice().limit(n);
        dst.put(slice);
        input.position(input.position() + n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        writes++;
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            byte[] bytes = new byte[srcs[i].remaining()];
            srcs[i].get(bytes);
            written.writeBytes(bytes);
            total += bytes.length;
        }
        return total;
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void interest(boolean readInterest, boolean writeInterest) {
        read = readInterest;
        write = writeInterest;
        interestCalls++;
    }

    @Override
    public void shutdownOutput() {
        outputShut = true;
    }

    @Override
    public void close() {
        if (open && handler != null) {
            open = false;
            handler.onClosed();
        }
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    void arrive(String request) {
        input = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
    }

    String output() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }
}
