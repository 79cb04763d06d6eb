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
 * A request refused before its body is framed (CONNECT, which we do not tunnel) while its body is on the wire: the
 * body's bytes are never read as the next request, which would let a client smuggle a request past a proxy that
 * forwards the refused one.
 */
class HttpExchangeEarlyErrorTest {

    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final HttpConnection connection = new HttpConnection(transport,
            new ConnectionContext(HttpLimits.DEFAULTS, false), hosts());

    private static HostTable hosts() {
        HostTable hosts = new HostTable();
        hosts.add(new VirtualServer(List.of("localhost"), new LocationTable(), Timeouts.DEFAULTS, null,
                new SourcePosition(Path.of("t.conf"), 1, 1)), true);
        return hosts;
    }

    @Test
    void aRefusedConnectWithABodyIsAnsweredOnceAndItsBodyIsNotReadAsARequest() {
        transport.handler = connection;
        transport.arrive("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\nContent-Length: "
                + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED);
        connection.onReadable();
        for (int i = 0; i < 4 && transport.open; i++) {
            connection.onWritable();
        }

        String output = transport.output();
        assertTrue(output.startsWith("HTTP/1.1 501 "), output);
        assertEquals(1, output.split("HTTP/1\\.1 ", -1).length - 1, "one response only: " + output);
        assertTrue(output.contains("\r\nConnection: close\r\n"), output);
        assertTrue(transport.outputShut || !transport.open, "the connection ends after the response");
    }
}
