package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.solo.it.support.Launcher;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code LANG=C} (a container, a systemd unit without a locale) Java encodes file names in ASCII, so a request
 * path with non-ASCII characters cannot become a file name at all. No such file can exist: every handler that maps
 * paths to files answers as for any missing file, never 500 with a stack trace.
 */
class NonUtf8LocaleTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("LANG=C: a non-ASCII path is missing, a PUT of it is 400, a form file is stored with _ in its name")
    void nonAsciiPathsAreMissingFilesUnderTheCLocale() throws Exception {
        Files.writeString(dir.resolve("ok.txt"), "ok");
        Files.createDirectory(dir.resolve("up"));
        Path config = Files.writeString(dir.resolve("site.conf"), """
                server {
                    listen 127.0.0.1:0;
                    root .;
                    location /up/ { upload on; }
                }
                """);
        try (Launcher solo = Launcher.startInLocale("C", config.toString())) {
            InetSocketAddress address = solo.awaitListening(Duration.ofSeconds(30));
            assertEquals(404, get(address, "/caf%C3%A9.txt").status());
            assertEquals(404, get(address, "/up/caf%C3%A9.txt").status());
            try (RawClient client = RawClient.connect(address)) {
                RawResponse put = client.send("PUT /up/caf%C3%A9.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                        + "Connection: close\r\n\r\nhi").readResponse();
                assertEquals(400, put.status());
            }
            String part = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"caf\u00e9.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nhi\r\n--b--\r\n";
            byte[] body = part.getBytes(StandardCharsets.UTF_8);
            try (RawClient client = RawClient.connect(address)) {
                RawResponse form = client.send("POST /up/ HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
                        + "boundary=b\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .send(body).readResponse();
                assertEquals(201, form.status(), form.bodyText());
            }
            assertEquals("hi", Files.readString(dir.resolve("up").resolve("caf_.txt")));
            Files.delete(dir.resolve("up").resolve("caf_.txt"));
            assertEquals(200, get(address, "/ok.txt").status());
            assertFalse(solo.output().contains("Exception"), solo.output());
            try (var files = Files.list(dir.resolve("up"))) {
                assertEquals(0, files.count(), "nothing stored");
            }
        }
    }

    private static RawResponse get(InetSocketAddress address, String path) throws Exception {
        try (RawClient client = RawClient.connect(address)) {
            return client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readResponse();
        }
    }
}
