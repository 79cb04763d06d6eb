package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.config.SourcePosition;
import dev.solo.core.Timer;
import dev.solo.http.BodyConsumer;
import dev.solo.http.HttpLimits;
import dev.solo.http.Method;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A handler's body consumer that throws (a bug in the handler, or in the continuation a form reader runs at the end
 * of the body) gets the client a 500, as a handler that throws does, not a connection cut without an answer.
 */
class HttpExchangeBodyConsumerFailureTest {

    private final ScriptedTransport transport = new ScriptedTransport();

    @Test
    void aConsumerThatThrowsAtTheEndOfTheBodyGetsThe500() {
        String output = post(false);
        assertTrue(output.startsWith("HTTP/1.1 500 "), output);
        assertTrue(output.contains("Connection: close"), output);
    }

    @Test
    void aConsumerThatThrowsOnTheFirstBytesGetsThe500() {
        String output = post(true);
        assertTrue(output.startsWith("HTTP/1.1 500 "), output);
    }

    private String post(boolean failOnData) {
        when(transport.loop.schedule(anyLong(), any())).thenReturn(mock(Timer.class));
        transport.handler = new HttpConnection(transport, new ConnectionContext(HttpLimits.DEFAULTS, false),
                hosts(failOnData));
        transport.arrive("POST /form HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");
        transport.handler.onReadable();
        transport.handler.onWritable();
        return transport.output();
    }

    /** "/form" reads the body with a consumer that throws. */
    private static HostTable hosts(boolean failOnData) {
        LocationTable locations = new LocationTable();
        RouteLocation location = new RouteLocation(new RouteLocation.Settings("/form", false, Set.of(Method.POST),
                null, List.of(), false, 1024, Map.of(), "localhost"));
        location.handlers(List.of(exchange -> {
            exchange.receiveBody(new BodyConsumer() {
                @Override
                public void onData(ByteBuffer content) {
                    if (failOnData) {
                        throw new IllegalStateException("bug in onData");
                    }
                    content.position(content.limit());
                }

                @Override
                public void onComplete() {
                    throw new NullPointerException("bug in the continuation");
                }

                @Override
                public void onAbort(Throwable cause) {
                }
            });
            return true;
        }));
        locations.add(location);
        HostTable hosts = new HostTable();
        hosts.add(new VirtualServer(List.of("localhost"), locations, Timeouts.DEFAULTS, null,
                new SourcePosition(Path.of("t.conf"), 1, 1)), true);
        return hosts;
    }
}
