package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Launcher;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the process runs out of file descriptors (EMFILE), the server keeps serving the connections it has, logs
 * the condition once, and accepts again as soon as descriptors free up.
 */
class DescriptorExhaustionTest {

    private static final String REQUEST = "GET /ok.txt HTTP/1.1\r\nHost: x\r\n\r\n";

    @TempDir
    Path dir;

    @Test
    @DisplayName("out of file descriptors: open connections are served, newcomers wait, and the server recovers")
    void survivesRunningOutOfDescriptors() throws Exception {
        // The answer needs no descriptor of its own: a static file would need one to open, and under EMFILE that
        // open gets 503 (the server's own trouble), which is another test's subject. Here only accepting is short.
        Path config = Files.writeString(dir.resolve("site.conf"),
                "server { listen 127.0.0.1:0; root .; keepalive_timeout 60s;\n"
                + "    location = /ok.txt { return 200 ok; } }\n");
        try (Launcher solo = Launcher.startWithFileLimit(128, config.toString())) {
            InetSocketAddress address = solo.awaitListening(Duration.ofSeconds(30));
            List<RawClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    clients.add(RawClient.connect(address).send(REQUEST));
                }
                // The first connections fit under the limit and are answered while the rest wait in the backlog.
                for (int i = 0; i < 50; i++) {
                    RawResponse response = clients.get(i).readResponse();
                    assertEquals(200, response.status());
                }
            } finally {
                for (RawClient client : clients) {
                    client.close();
                }
            }
            try (RawClient after = RawClient.connect(address)) {
                RawResponse response = after.send("GET /ok.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .readResponse();
                assertEquals(200, response.status());
                assertEquals("ok", response.bodyText());
            }
            assertTrue(solo.output().contains("Too many open files"), solo.output());
        }
    }
}
