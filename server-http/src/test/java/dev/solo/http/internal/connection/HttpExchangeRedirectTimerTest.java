package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.config.SourcePosition;
import dev.solo.core.Timer;
import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
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
import org.mockito.ArgumentCaptor;

/**
 * A handler that read the whole body and then redirected internally (a CGI script's local redirect, RFC 3875
 * §6.2.2): the handler redirected to has the request timeout to answer in, as for any request whose body is in, not
 * what is left of the body timeout.
 */
class HttpExchangeRedirectTimerTest {

    private static final long BODY_TIMEOUT = 1_000;
    private static final long REQUEST_TIMEOUT = 5_000;

    private final ScriptedTransport transport = new ScriptedTransport();
    private final Timer timer = mock(Timer.class);
    private final ArgumentCaptor<Runnable> onTimeout = ArgumentCaptor.forClass(Runnable.class);

    @Test
    void aHandlerBehindARedirectAfterTheBodyHasTheRequestTimeoutNotTheBodyTimeout() {
        when(transport.loop.schedule(anyLong(), onTimeout.capture())).thenReturn(timer);
        transport.handler = new HttpConnection(transport, new ConnectionContext(HttpLimits.DEFAULTS, false),
                hosts());
        transport.arrive("POST /form HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");
        transport.handler.onReadable();

        ArgumentCaptor<Long> delays = ArgumentCaptor.forClass(Long.class);
        verify(timer, atLeastOnce()).reschedule(delays.capture());
        assertEquals(REQUEST_TIMEOUT, delays.getValue(), "armed last: " + delays.getAllValues());

        onTimeout.getValue().run();
        transport.handler.onWritable();
        assertTrue(transport.output().startsWith("HTTP/1.1 504 "), transport.output());
    }

    /** "/form" reads the body, then redirects to "/later", whose handler answers some other time. */
    private static HostTable hosts() {
        LocationTable locations = new LocationTable();
        locations.add(location("/form", HttpExchangeRedirectTimerTest::readThenRedirect));
        locations.add(location("/later", exchange -> true));
        HostTable hosts = new HostTable();
        hosts.add(new VirtualServer(List.of("localhost"), locations,
                new Timeouts(60_000, BODY_TIMEOUT, 75_000, 60_000, REQUEST_TIMEOUT, 1000, 2 * BODY_TIMEOUT), null,
                new SourcePosition(Path.of("t.conf"), 1, 1)), true);
        return hosts;
    }

    private static RouteLocation location(String prefix, dev.solo.http.Handler handler) {
        RouteLocation location = new RouteLocation(new RouteLocation.Settings(prefix, false,
                Set.of(Method.GET, Method.POST), null, List.of(), false, 1024, Map.of(), "localhost"));
        location.handlers(List.of(handler));
        return location;
    }

    private static boolean readThenRedirect(Exchange exchange) {
        exchange.receiveBody(new BodyConsumer() {
            @Override
            public void onData(ByteBuffer content) {
                content.position(content.limit());
            }

            @Override
            public void onComplete() {
                exchange.redirectInternally("/later");
            }

            @Override
            public void onAbort(Throwable cause) {
            }
        });
        return true;
    }
}
