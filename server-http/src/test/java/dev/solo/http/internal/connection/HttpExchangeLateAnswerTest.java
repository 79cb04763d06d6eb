package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.config.SourcePosition;
import dev.solo.core.Timer;
import dev.solo.http.BodySource;
import dev.solo.http.Exchange;
import dev.solo.http.HttpLimits;
import dev.solo.http.Method;
import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A handler that answers some other time (a timer, a backend) after its client left: the exchange was aborted and
 * released with the connection, so the late answer is dropped. It must not throw into the handler, finish the
 * exchange on the closed connection, or re-arm the connection's timer.
 */
class HttpExchangeLateAnswerTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final Timer timer = mock(Timer.class);
    /** The exchange the handler kept to answer later. */
    private Exchange kept;

    @BeforeEach
    void clientLeavesBeforeTheAnswer() {
        when(transport.loop.schedule(anyLong(), any())).thenReturn(timer);
        transport.handler = new HttpConnection(transport, new ConnectionContext(HttpLimits.DEFAULTS, false),
                hosts());
        transport.arrive("GET /later HTTP/1.1\r\nHost: localhost\r\n\r\n");
        transport.handler.onReadable();
        transport.ended = true;
        transport.handler.onReadable();
        assertFalse(transport.open, "the client left, so the connection closed");
        clearInvocations(timer);
    }

    @Test
    void aLateResponseAfterTheClientLeftIsDroppedWithoutTouchingTheConnection() {
        assertDoesNotThrow(() -> kept.respond(Response.of(Status.OK)));

        verify(timer, never()).reschedule(anyLong());
        assertEquals("", transport.output());
    }

    @Test
    void aLateStreamedResponseAfterTheClientLeftHasItsSourceClosed() {
        BodySource source = mock(BodySource.class);
        kept.respond(Response.of(Status.OK).stream(source, -1));

        verify(source).close();
        verify(timer, never()).reschedule(anyLong());
    }

    @Test
    void aLateErrorAfterTheClientLeftIsDroppedWithoutTouchingTheConnection() {
        assertDoesNotThrow(() -> kept.sendError(Status.BAD_GATEWAY));

        verify(timer, never()).reschedule(anyLong());
        assertEquals("", transport.output());
    }

    @Test
    void aLateInternalRedirectAfterTheClientLeftIsDroppedWithoutTouchingTheConnection() {
        assertDoesNotThrow(() -> kept.redirectInternally("/later"));

        verify(timer, never()).reschedule(anyLong());
        assertEquals("", transport.output());
    }

    /** "/later" keeps the exchange and answers some other time. */
    private HostTable hosts() {
        LocationTable locations = new LocationTable();
        RouteLocation location = new RouteLocation(new RouteLocation.Settings("/later", false, Set.of(Method.GET),
                null, List.of(), false, 1024, Map.of(), "localhost"));
        location.handlers(List.of(exchange -> {
            kept = exchange;
            return true;
        }));
        locations.add(location);
        HostTable hosts = new HostTable();
        hosts.add(new VirtualServer(List.of("localhost"), locations, Timeouts.DEFAULTS, null,
                new SourcePosition(Path.of("t.conf"), 1, 1)), true);
        return hosts;
    }
}
