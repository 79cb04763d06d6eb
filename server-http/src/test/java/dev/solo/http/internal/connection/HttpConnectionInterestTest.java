package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.config.SourcePosition;
import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import dev.solo.core.Transport;
import dev.solo.http.HttpLimits;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which readiness a connection asks the selector for, and that it writes only when told the socket is writable: the
 * loop turns these into epoll_ctl calls, and a connection that kept write interest with nothing to write would spin.
 */
class HttpConnectionInterestTest {

    /** A socket as the loop would drive it: input queued by the test, output collected, interest recorded. */
    private static final class ScriptedTransport implements Transport {
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

    private final ScriptedTransport transport = new ScriptedTransport();
    private final HttpConnection connection = new HttpConnection(transport,
            new ConnectionContext(HttpLimits.DEFAULTS, false), hosts());

    private static HostTable hosts() {
        HostTable hosts = new HostTable();
        // No locations: every request is answered 404 by the server itself, which is all these tests need.
        hosts.add(new VirtualServer(List.of("localhost"), new LocationTable(), Timeouts.DEFAULTS, null,
                new SourcePosition(Path.of("t.conf"), 1, 1)), true);
        return hosts;
    }

    @Test
    void aNewConnectionAsksForReadAndWriteReadiness() {
        assertTrue(transport.read);
        assertTrue(transport.write, "its first request usually comes with it: answer in the first event");
    }

    @Test
    void writableWithNothingToWriteDropsWriteInterestAndWritesNothing() {
        connection.onWritable();
        assertTrue(transport.read);
        assertEquals(false, transport.write);
        assertEquals("", transport.output());
    }

    @Test
    void aRequestReadableAndWritableInOneEventIsAnsweredInThatEventButWrittenOnlyOnWritability() {
        transport.arrive("GET /missing HTTP/1.1\r\nHost: localhost\r\n\r\n");
        connection.onReadable();
        assertEquals("", transport.output(), "nothing is written on read readiness");
        assertTrue(transport.write);
        connection.onWritable();
        assertTrue(transport.output().startsWith("HTTP/1.1 404 Not Found\r\n"), transport.output());
        assertTrue(transport.read && transport.write, "the next request is expected: write interest stays");
    }

    @Test
    void afterAMissedBetTheNextResponseAsksForWritabilityAgain() {
        connection.onWritable();
        assertEquals(false, transport.write);
        transport.arrive("GET /a HTTP/1.1\r\nHost: localhost\r\n\r\n");
        connection.onReadable();
        assertTrue(transport.write, "a response waits");
        connection.onWritable();
        assertTrue(transport.output().startsWith("HTTP/1.1 404"), transport.output());
        connection.onWritable();
        assertEquals(false, transport.write, "idle again with nothing to write");
        assertTrue(transport.open);
    }

    @Test
    void pipelinedRequestsAreAnsweredTogetherInOneWrite() {
        transport.arrive("GET /a HTTP/1.1\r\nHost: localhost\r\n\r\nGET /b HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "HEAD /c HTTP/1.1\r\nHost: localhost\r\n\r\n");
        connection.onReadable();
        assertEquals(0, transport.writes);
        connection.onWritable();
        assertEquals(1, transport.writes);
        assertEquals(3, count(transport.output(), "HTTP/1.1 404"));
        assertTrue(transport.write, "idle and expecting the next request");
    }

    @Test
    void aLongPipelineIsAnsweredInBatchesInRequestOrder() {
        StringBuilder pipeline = new StringBuilder();
        int requests = OutputQueue.MAX_RESPONSES * 2 + 3;
        for (int i = 0; i < requests; i++) {
            pipeline.append("GET /r").append(i).append(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
        transport.arrive(pipeline.toString());
        connection.onReadable();
        connection.onWritable();
        assertEquals(OutputQueue.MAX_RESPONSES, count(transport.output(), "HTTP/1.1 404"));
        connection.onWritable();
        connection.onWritable();
        assertEquals(3, transport.writes);
        assertEquals(requests, count(transport.output(), "HTTP/1.1 404"));
        assertTrue(transport.open);
    }

    @Test
    void aClientThatHalfClosesAfterItsPipelineGetsItsAnswersThenTheClose() {
        transport.arrive("GET /a HTTP/1.1\r\nHost: localhost\r\n\r\nGET /b HTTP/1.1\r\nHost: localhost\r\n\r\n");
        connection.onReadable();
        transport.ended = true;
        connection.onReadable();
        assertTrue(transport.open, "answers are owed");
        assertEquals(false, transport.read, "nothing more to read after EOF");
        connection.onWritable();
        assertEquals(2, count(transport.output(), "HTTP/1.1 404"));
        assertEquals(false, transport.open);
    }

    @Test
    void aResponseThatClosesTheConnectionClosesItOnlyAfterItIsWritten() {
        transport.arrive("GET /a HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                + "GET /b HTTP/1.1\r\nHost: localhost\r\n\r\n");
        connection.onReadable();
        assertTrue(transport.open);
        assertEquals(false, transport.outputShut);
        connection.onWritable();
        assertEquals(1, count(transport.output(), "HTTP/1.1 404"), "the request after the close is not answered");
        assertTrue(transport.output().contains("Connection: close\r\n"));
        assertTrue(transport.outputShut, "half-closed, lingering to drain the unanswered request (RFC 9112 §9.6)");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
