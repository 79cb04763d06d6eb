package dev.solo.it.features.upload;

import static dev.solo.it.features.support.GeneratedContent.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.solo.it.features.support.GeneratedContent;
import dev.solo.it.features.support.MultipartBody;
import dev.solo.it.features.support.Transfers;
import dev.solo.it.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 256 MiB upload, generated as it is sent (nothing on the client's disk, nothing in its memory), streams through
 * the server to disk intact. The same with a 64 MiB heap belongs to the benchmarks; here the point is that size alone
 * changes nothing.
 */
class LargeUploadTest {

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0;
                root {root};
                location /uploads/ {
                    upload on;
                    methods GET POST PUT DELETE;
                    client_max_body_size 300m;
                }
            }
            """;

    private static final long SIZE = 256 * MIB;

    @TempDir
    Path site;

    @Test
    @DisplayName("a chunked PUT of 256 MiB generated on the fly is stored and downloads with the same SHA-256")
    void streamsAQuarterGigabytePut() throws Exception {
        GeneratedContent content = GeneratedContent.of(256, SIZE);
        Files.createDirectories(site.resolve("uploads"));
        try (TestServer server = TestServer.start(CONFIG, Map.of("root", site))) {
            HttpResponse<String> response = Transfers.send("PUT", server.uri("/uploads/quarter.bin"),
                    content.chunked());
            assertEquals(201, response.statusCode(), response::body);
            assertEquals(SIZE, Files.size(site.resolve("uploads/quarter.bin")));
            Transfers.Download download = Transfers.download(server.uri("/uploads/quarter.bin"));
            assertEquals(200, download.status());
            assertEquals(content.sha256(), download.sha256());
        }
    }

    @Test
    @DisplayName("RFC 7578: a 256 MiB file in a multipart form with Content-Length is stored intact")
    void streamsAQuarterGigabyteForm() throws Exception {
        GeneratedContent content = GeneratedContent.of(257, SIZE);
        MultipartBody form = MultipartBody.create().field("title", "big one").file("file", "form-quarter.bin", content);
        Files.createDirectories(site.resolve("uploads"));
        try (TestServer server = TestServer.start(CONFIG, Map.of("root", site))) {
            HttpResponse<String> response = Transfers.send("POST", server.uri("/uploads/"), form.withContentLength(),
                    "Content-Type", form.contentType());
            assertEquals(201, response.statusCode(), response::body);
            assertEquals("/uploads/form-quarter.bin", response.headers().firstValue("Location").orElse(null));
            Transfers.Download download = Transfers.download(server.uri("/uploads/form-quarter.bin"));
            assertEquals(200, download.status());
            assertEquals(content.sha256(), download.sha256());
        }
    }
}
