package dev.solo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.app.Solo;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestServerTest {

    @TempDir
    Path site;

    @Test
    void servesABuiltServerOnAFreePortAndReadsKeepAliveResponses() throws Exception {
        Files.writeString(site.resolve("a.txt"), "file");
        try (TestServer server = TestServer.start(s -> s.root(site)
                .location("/hi", l -> l.handler(ex -> ex.respond(Status.OK, "text/plain", "hi " + ex.request().query())))
                .location("/later", l -> l.handler(ex -> ex.loop().schedule(10,
                        () -> ex.respond(Response.of(Status.ACCEPTED).body("text/plain", "later"))))));
                RawClient client = server.connect()) {
            assertTrue(server.address().getPort() > 0);
            client.send("GET /hi?x HTTP/1.1\r\nHost: a\r\n\r\nGET /a.txt HTTP/1.1\r\nHost: a\r\n\r\n");
            RawResponse first = client.read();
            assertEquals(200, first.status());
            assertEquals("hi x", first.text());
            assertEquals("text/plain", first.header("content-type").orElseThrow());
            assertEquals("file", client.read().text());
            RawResponse later = server.request("GET /later HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            assertEquals(202, later.status());
            assertEquals("later", later.text());
        }
    }

    @Test
    void readsChunkedBodies() throws Exception {
        try (TestServer server = TestServer.start(Solo.builder().listen("127.0.0.1", 0).server(s -> s
                .location("/", l -> l.handler(ex -> ex.respond(Response.of(Status.OK).stream(new OneChunk("abc"), -1)))))))
        {
            RawResponse response = server.request("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals("chunked", response.header("Transfer-Encoding").orElseThrow());
            assertEquals("abc", response.text());
        }
    }

    @Test
    void findsNoDifferenceInAModuleWithoutProviders() throws Exception {
        assertEquals(List.of(), ServiceDeclarations.differences(Path.of("target/classes")));
    }

    @Test
    void reportsAProviderMissingFromMetaInfServices(@TempDir Path classes) throws Exception {
        Files.copy(Path.of("target/classes/module-info.class"), classes.resolve("module-info.class"));
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.solo.http.spi.HandlerProvider"), "# a comment\nx.Y\n");
        assertEquals(List.of("dev.solo.http.spi.HandlerProvider: module-info provides [], META-INF/services lists"
                + " [x.Y]"), ServiceDeclarations.differences(classes));
    }
}
