package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * What a connection holds while its request head arrives slowly (issue 15, item 10): no I/O buffer between reads, a
 * share of the loop's budget for partial heads, and the oldest heads shed when the budget is spent.
 */
class HttpConnectionMemoryTest {

    /** Three partial heads of 1000 bytes (two complete lines) fit; a fourth does not. */
    private static final long HEAD_COST = HeadBudget.cost(1000, 2);
    private final HeadBudget budget = new HeadBudget(3 * HEAD_COST + 100);
    private final ConnectionContext context = new ConnectionContext(HttpLimits.DEFAULTS, false, budget);
    private final HostTable hosts = hosts();

    private static HostTable hosts() {
        HostTable hosts = new HostTable();
        hosts.add(new VirtualServer(List.of("localhost"), new LocationTable(), Timeouts.DEFAULTS, null,
                new SourcePosition(Path.of("t.conf"), 1, 1)), true);
        return hosts;
    }

    private ScriptedTransport open() {
        ScriptedTransport transport = new ScriptedTransport();
        transport.handler = new HttpConnection(transport, context, hosts);
        return transport;
    }

    /** A request line and part of a header field: 1000 bytes in all, the head not complete. */
    private static String partialHead() {
        String start = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Pad: ";
        return start + "a".repeat(1000 - start.length());
    }

    @Test
    void aConnectionWaitingForTheRestOfItsHeadHoldsNoReadBuffer() {
        ScriptedTransport transport = open();
        transport.arrive(partialHead());
        transport.handler.onReadable();
        assertEquals(0, context.buffers.outstanding(), "the decoder keeps the partial line; the buffer went back");
        transport.arrive("\r\n\r\n");
        transport.handler.onReadable();
        transport.handler.onWritable();
        assertTrue(transport.output().startsWith("HTTP/1.1 404"), transport.output());
    }

    @Test
    void aLingeringConnectionHoldsNoReadBuffer() {
        ScriptedTransport transport = open();
        transport.arrive("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\nGET /next HTTP/1.1\r\n");
        transport.handler.onReadable();
        transport.handler.onWritable();
        assertTrue(transport.outputShut, "closing with unread input: half-closed, lingering");
        transport.arrive("more bytes the client still sends");
        transport.handler.onReadable();
        assertEquals(0, context.buffers.outstanding(), "what a lingering connection reads is dropped with the buffer");
    }

    @Test
    void aHeadThatArrivesInOneReadTakesNoShare() {
        ScriptedTransport transport = open();
        transport.arrive("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        transport.handler.onReadable();
        assertEquals(0, budget.held());
    }

    @Test
    void aPartialHeadTakesAShareUntilItCompletes() {
        ScriptedTransport transport = open();
        transport.arrive(partialHead());
        transport.handler.onReadable();
        assertEquals(HEAD_COST, budget.held());
        transport.arrive("\r\n\r\n");
        transport.handler.onReadable();
        assertEquals(0, budget.held());
    }

    @Test
    void aPartialHeadGivesItsShareBackWhenTheConnectionCloses() {
        ScriptedTransport transport = open();
        transport.arrive(partialHead());
        transport.handler.onReadable();
        transport.close();
        assertEquals(0, budget.held());
    }

    @Test
    void whenTheBudgetIsSpentTheOldestPartialHeadIsAnswered503AndClosed() {
        ScriptedTransport oldest = open();
        ScriptedTransport second = open();
        ScriptedTransport third = open();
        for (ScriptedTransport transport : List.of(oldest, second, third)) {
            transport.arrive(partialHead());
            transport.handler.onReadable();
        }
        assertEquals(0, budget.shedCount());
        ScriptedTransport newest = open();
        newest.arrive(partialHead());
        newest.handler.onReadable();

        assertEquals(1, budget.shedCount());
        oldest.handler.onWritable();
        assertTrue(oldest.output().startsWith("HTTP/1.1 503 Service Unavailable\r\n"), oldest.output());
        assertTrue(oldest.output().contains("Connection: close\r\n"), oldest.output());
        assertTrue(oldest.outputShut, "half-closed after the answer, lingering to drain the rest of the head");
        for (ScriptedTransport transport : List.of(second, third, newest)) {
            assertTrue(transport.open);
            assertEquals("", transport.output());
        }
        assertEquals(3 * HEAD_COST, budget.held());
    }

    /** A complete head of 1000 bytes announcing a body of 100 bytes, which is still to come. */
    private static String headWaitingForBody() {
        String start = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\nX-Pad: ";
        return start + "a".repeat(996 - start.length()) + "\r\n\r\n";
    }

    @Test
    void aRequestWaitingForItsBodyIsChargedForItsHeadUntilTheBodyIsIn() {
        ScriptedTransport transport = open();
        transport.arrive(headWaitingForBody() + "x");
        transport.handler.onReadable();
        assertEquals(HeadBudget.cost(1000, 5), budget.held());
        transport.arrive("y".repeat(99));
        transport.handler.onReadable();
        assertEquals(0, budget.held());
    }

    @Test
    void aRequestWhoseBodyCameWithItsHeadIsNeverCharged() {
        ScriptedTransport transport = open();
        transport.arrive(headWaitingForBody() + "z".repeat(100));
        transport.handler.onReadable();
        assertEquals(0, budget.held());
    }

    @Test
    void partialHeadsAreShedBeforeRequestsWaitingForTheirBody() {
        ScriptedTransport waiting = open();
        waiting.arrive(headWaitingForBody());
        waiting.handler.onReadable();
        ScriptedTransport partial = open();
        partial.arrive(partialHead());
        partial.handler.onReadable();
        ScriptedTransport newer = open();
        newer.arrive(partialHead());
        newer.handler.onReadable();
        assertEquals(1, budget.shedCount(), "the waiting head is charged a little more than a partial one");
        partial.handler.onWritable();
        assertTrue(partial.output().startsWith("HTTP/1.1 503"), partial.output());
        assertTrue(waiting.open);
        assertFalse(waiting.outputShut);
    }

    @Test
    void requestsWaitingForTheirBodyAreShedOldestFirstWhenNoPartialHeadIsLeft() {
        List<ScriptedTransport> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ScriptedTransport transport = open();
            transport.arrive(headWaitingForBody());
            transport.handler.onReadable();
            waiting.add(transport);
        }
        assertEquals(1, budget.shedCount());
        waiting.get(0).handler.onWritable();
        assertTrue(waiting.get(0).output().startsWith("HTTP/1.1 404"), "answered before: " + waiting.get(0).output());
        assertTrue(waiting.get(0).outputShut, "the oldest is closed after its answer instead of reading its body");
        for (ScriptedTransport transport : waiting.subList(1, 3)) {
            transport.handler.onWritable();
            assertFalse(transport.outputShut);
        }
    }

    @Test
    void aShedConnectionCanNoLongerGrowItsHead() {
        ScriptedTransport oldest = open();
        oldest.arrive(partialHead());
        oldest.handler.onReadable();
        for (int i = 0; i < 3; i++) {
            ScriptedTransport other = open();
            other.arrive(partialHead());
            other.handler.onReadable();
        }
        oldest.arrive("more of the head that keeps coming");
        oldest.handler.onReadable();
        assertFalse(budget.held() > budget.budget());
        assertEquals(3 * HEAD_COST, budget.held(), "the shed connection's bytes are dropped uncharged");
    }
}
