package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.config.SourcePosition;
import dev.solo.core.EventLoop;
import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
import dev.solo.http.HttpLimits;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.Status;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import dev.solo.http.spi.SessionManager;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An exchange whose session store answers later (Redis): its handlers wait for the session without blocking, then
 * run with it, and read a body that arrived meanwhile; a connection that closes first never runs them.
 */
class HttpExchangeSessionWaitTest {

    /** A session manager whose lookups the test answers by hand. */
    private static final class LaterSessions implements SessionManager {
        final List<Runnable> waiting = new ArrayList<>();
        final Session session = mock(Session.class);

        LaterSessions() {
            when(session.get("user")).thenReturn(Optional.of("ada"));
        }

        @Override
        public boolean prepare(Request request, EventLoop loop, Runnable ready) {
            waiting.add(ready);
            return false;
        }

        @Override
        public Optional<Session> session(Request request, EventLoop loop, boolean create) {
            return Optional.of(session);
        }

        @Override
        public void beforeResponse(Request request, Response response) {
        }
    }

    private final ScriptedTransport transport = new ScriptedTransport();
    private final LaterSessions sessions = new LaterSessions();
    private final List<String> handled = new ArrayList<>();
    private final HttpConnection connection = new HttpConnection(transport,
            new ConnectionContext(HttpLimits.DEFAULTS, false), hosts());

    /** One location whose handler echoes the session's user and the request body. */
    private HostTable hosts() {
        RouteLocation location = new RouteLocation(new RouteLocation.Settings("/", false,
                Set.of(Method.GET, Method.POST), null, List.of(), false, 1024, Map.of(), "localhost"));
        location.handlers(List.of(this::echo));
        LocationTable locations = new LocationTable();
        locations.add(location);
        HostTable hosts = new HostTable();
        hosts.add(new VirtualServer(List.of("localhost"), locations, Timeouts.DEFAULTS, sessions,
                new SourcePosition(Path.of("t.conf"), 1, 1)), true);
        return hosts;
    }

    private boolean echo(Exchange exchange) {
        handled.add(exchange.request().path());
        String user = exchange.session(false).flatMap(s -> s.get("user")).orElse("-");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        exchange.receiveBody(new BodyConsumer() {
            @Override
            public void onData(ByteBuffer content) {
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                body.writeBytes(bytes);
            }

            @Override
            public void onComplete() {
                exchange.respond(Response.of(Status.OK).body("text/plain",
                        "user=" + user + " body=" + body.toString(StandardCharsets.US_ASCII)));
            }

            @Override
            public void onAbort(Throwable cause) {
            }
        });
        return true;
    }

    @Test
    void handlersWaitForTheSessionThenReadTheBodyThatArrivedMeanwhile() {
        transport.arrive("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");
        connection.onReadable();
        assertEquals(List.of(), handled, "no handler before the session is loaded");
        assertEquals(1, sessions.waiting.size());

        sessions.waiting.get(0).run();
        connection.onWritable();

        assertEquals(List.of("/login"), handled);
        assertTrue(transport.output().startsWith("HTTP/1.1 200 OK\r\n"), transport.output());
        assertTrue(transport.output().endsWith("user=ada body=hello"), transport.output());
    }

    @Test
    void aConnectionClosedWhileWaitingNeverRunsItsHandlers() {
        transport.arrive("GET /page HTTP/1.1\r\nHost: localhost\r\n\r\n");
        connection.onReadable();

        connection.onClosed();
        sessions.waiting.get(0).run();

        assertEquals(List.of(), handled);
        assertEquals("", transport.output());
    }
}
