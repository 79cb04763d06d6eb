package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.SourcePosition;
import dev.solo.http.HttpLimits;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which readiness a connection asks the selector for, and that it writes only when told the socket is writable: the
 * loop turns these into epoll_ctl calls, and a connection that kept write interest with nothing to write would spin.
 */
class HttpConnectionInterestTest {

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
