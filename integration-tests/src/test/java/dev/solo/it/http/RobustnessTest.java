package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Http;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Misbehaving clients do not hurt the clients that behave: connections dropped at once, garbage, half-closed and
 * reset sockets, many connections at once. And the server is what it says: one loop thread, nothing else.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class RobustnessTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String REQUEST = "GET /ok.txt HTTP/1.1\r\nHost: x\r\n\r\n";

    @TempDir
    Path site;

    private TestServer start() throws Exception {
        SiteFiles.write(site, "ok.txt", "ok");
        return TestServer.start(transport, "server { listen 127.0.0.1:0; root {root}; }", Map.of("root", site));
    }

    private static void assertServes(TestServer server) throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send(REQUEST).readResponse();
            assertEquals(200, response.status(), response::toString);
            assertEquals("ok", response.bodyText());
        }
        assertEquals("ok", Http.get(server.uri("/ok.txt")).body());
    }

    @Test
    @DisplayName("after dropped, garbage, half-closed and reset connections, a normal request still gets 200 promptly")
    void survivesMisbehavingClients() throws Exception {
        try (TestServer server = start()) {
            for (int i = 0; i < 200; i++) {
                new Socket(server.address(0).getAddress(), server.port()).close();
            }
            Random random = new Random(42);
            for (int i = 0; i < 50; i++) {
                byte[] garbage = new byte[1 + random.nextInt(4000)];
                random.nextBytes(garbage);
                try (RawClient client = server.connect()) {
                    client.send(garbage);
                } catch (IOException e) {
                    // the server may refuse and close before all the garbage is written: that is fine
                }
            }
            List<RawClient> halfClosed = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    RawClient client = server.connect();
                    halfClosed.add(client);
                    client.send("GET /ok.txt HTTP/1.1\r\nHo").shutdownOutput();
                }
                for (int i = 0; i < 20; i++) {
                    server.connect().send("POST /ok.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab").abort();
                }
                assertServes(server);
                for (RawClient client : halfClosed) {
                    assertTrue(client.isClosedByServer(), "a truncated head followed by end-of-stream is closed");
                }
            } finally {
                for (RawClient client : halfClosed) {
                    client.close();
                }
            }
            assertServes(server);
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.3: a hundred connections with a request each, open at once, are all answered")
    void servesManyConnectionsAtOnce() throws Exception {
        List<RawClient> clients = new ArrayList<>();
        try (TestServer server = start()) {
            try {
                for (int i = 0; i < 100; i++) {
                    clients.add(server.connect());
                }
                for (RawClient client : clients) {
                    client.send(REQUEST);
                }
                for (RawClient client : clients) {
                    assertEquals("ok", client.readResponse().bodyText());
                }
                for (RawClient client : clients) {
                    assertEquals("ok", client.send(REQUEST).readResponse().bodyText(), "still alive");
                }
            } finally {
                for (RawClient client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    @DisplayName("one loop thread serves everything: no other thread runs server code")
    void runsOnOneThread() throws Exception {
        try (TestServer server = start()) {
            for (int i = 0; i < 20; i++) {
                assertServes(server);
            }
            try (RawClient idle = server.connect()) {
                idle.send(REQUEST).readResponse();
                List<Thread> loops = new ArrayList<>();
                List<String> strays = new ArrayList<>();
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    boolean loop = false;
                    boolean serverCode = false;
                    for (StackTraceElement frame : stack) {
                        loop |= frame.getClassName().equals("dev.solo.core.internal.SelectorLoop")
                                && frame.getMethodName().equals("run");
                        serverCode |= frame.getClassName().startsWith("dev.solo.")
                                && !frame.getClassName().startsWith("dev.solo.it.");
                    }
                    if (loop) {
                        loops.add(thread);
                    } else if (serverCode) {
                        strays.add(thread.getName());
                    }
                });
                assertEquals(1, loops.size(), "threads running a server loop: " + loops);
                assertSame(server.thread(), loops.get(0));
                assertTrue(strays.isEmpty(), "threads running server code outside the loop: " + strays);
            }
        }
    }
}
