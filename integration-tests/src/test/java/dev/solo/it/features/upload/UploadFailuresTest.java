package dev.solo.it.features.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.GeneratedContent;
import dev.solo.it.features.support.Poll;
import dev.solo.it.support.Http;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Uploads that must not store anything (aborted, too large), deletion, the methods a location allows, and the
 * listing of what was stored.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class UploadFailuresTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0;
                root {root};
                location /uploads/ {
                    upload on;
                    autoindex on;
                    methods GET POST PUT DELETE;
                    client_max_body_size 1m;
                }
                location /keep/ {
                    upload on;
                    methods GET POST PUT;
                }
            }
            """;

    private static final Duration CLEAN_UP = Duration.ofSeconds(5);
    private static final String BOUNDARY = "xYzBoundary42";

    @TempDir
    Path site;

    private Path uploads;
    private TestServer server;

    @BeforeEach
    void startServer() throws Exception {
        uploads = Files.createDirectories(site.resolve("uploads"));
        Files.createDirectories(site.resolve("keep"));
        server = TestServer.start(transport, CONFIG, Map.of("root", site));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "closed with {0}")
    @ValueSource(strings = {"FIN", "RST"})
    @DisplayName("a raw upload whose client goes away half-way leaves neither the file nor its temporary file")
    void abortedRawUploadLeavesNothing(String howClosed) throws Exception {
        byte[] half = GeneratedContent.of(5, 400_000).bytes();
        try (RawClient client = server.connect()) {
            client.send("PUT /uploads/half.bin HTTP/1.1\r\nHost: it.test\r\nContent-Length: 800000\r\n\r\n")
                    .send(half);
            awaitStagedBytes();
            closeAs(client, howClosed);
        }
        awaitEmpty(uploads);
    }

    @ParameterizedTest(name = "closed with {0}")
    @ValueSource(strings = {"FIN", "RST"})
    @DisplayName("a form whose client goes away in its second file keeps neither file (a request is all or nothing)")
    void abortedFormUploadLeavesNothing(String howClosed) throws Exception {
        byte[] first = GeneratedContent.of(6, 100_000).bytes();
        byte[] second = GeneratedContent.of(7, 300_000).bytes();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"one.bin\"\r\n\r\n";
        String middle = "\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"two.bin\"\r\n\r\n";
        try (RawClient client = server.connect()) {
            client.send("POST /uploads/ HTTP/1.1\r\nHost: it.test\r\nContent-Type: multipart/form-data; boundary="
                            + BOUNDARY + "\r\nContent-Length: 900000\r\n\r\n")
                    .send(head).send(first).send(middle).send(second);
            Poll.until(CLEAN_UP, () -> stagedFiles().size() == 2,
                    () -> "both parts staged as .upload-*.part files; directory holds " + describe(uploads));
            closeAs(client, howClosed);
        }
        awaitEmpty(uploads);
    }

    @Test
    @DisplayName("RFC 9110 §15.5.14: a Content-Length over client_max_body_size gets 413 before any body byte is sent")
    void refusesAnOversizedBodyByItsContentLength() throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("PUT /uploads/big.bin HTTP/1.1\r\nHost: it.test\r\n"
                    + "Content-Length: 2097152\r\n\r\n").readResponse();
            assertEquals(413, response.status(), response::toString);
        }
        awaitEmpty(uploads);
    }

    @Test
    @DisplayName("RFC 9110 §15.5.14: a chunked body gets 413 as soon as it passes client_max_body_size, "
            + "without waiting for its end")
    void refusesAChunkedBodyOnceItPassesTheLimit() throws Exception {
        byte[] chunk = GeneratedContent.of(8, 64 * 1024).bytes();
        String size = Integer.toHexString(chunk.length) + "\r\n";
        try (RawClient client = server.connect()) {
            client.send("PUT /uploads/growing.bin HTTP/1.1\r\nHost: it.test\r\nTransfer-Encoding: chunked\r\n\r\n");
            // 17 chunks of 64 KiB are 1 MiB + 64 KiB: past the limit. The last chunk and the terminator never go.
            for (int i = 0; i < 17; i++) {
                client.send(size).send(chunk).send("\r\n");
            }
            RawResponse response = client.readResponse();
            assertEquals(413, response.status(), response::toString);
            assertTrue(client.isClosedByServer(), "the rest of the body is not read");
        }
        awaitEmpty(uploads);
    }

    @Test
    @DisplayName("RFC 9110 §9.3.5: DELETE removes a stored file with 204, and it is gone")
    void deletesAStoredFile() throws Exception {
        SiteFiles.write(uploads, "gone.txt", "bye");
        HttpResponse<String> response = Http.send(Http.request(server.uri("/uploads/gone.txt")).DELETE().build());
        assertEquals(204, response.statusCode(), response::body);
        assertFalse(Files.exists(uploads.resolve("gone.txt")));
        assertEquals(404, server.get("/uploads/gone.txt").statusCode());
    }

    @Test
    @DisplayName("DELETE of a file that does not exist is 404")
    void deletingAMissingFileIs404() throws Exception {
        HttpResponse<String> response = Http.send(Http.request(server.uri("/uploads/never.txt")).DELETE().build());
        assertEquals(404, response.statusCode(), response::body);
    }

    @Test
    @DisplayName("DELETE of a directory is 403 and the directory stays")
    void deletingADirectoryIs403() throws Exception {
        SiteFiles.write(uploads, "sub/inside.txt", "x");
        HttpResponse<String> response = Http.send(Http.request(server.uri("/uploads/sub")).DELETE().build());
        assertEquals(403, response.statusCode(), response::body);
        HttpResponse<String> withSlash = Http.send(Http.request(server.uri("/uploads/sub/")).DELETE().build());
        assertEquals(403, withSlash.statusCode(), withSlash::body);
        assertTrue(Files.exists(uploads.resolve("sub/inside.txt")));
    }

    @Test
    @DisplayName("RFC 9110 §15.5.6: DELETE where methods lacks it is 405 with an Allow header, and the file stays")
    void deleteIsRefusedWhereMethodsLacksIt() throws Exception {
        SiteFiles.write(site, "keep/kept.txt", "stays");
        HttpResponse<String> response = Http.send(Http.request(server.uri("/keep/kept.txt")).DELETE().build());
        assertEquals(405, response.statusCode(), response::body);
        String allow = response.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("PUT") && !allow.contains("DELETE"), allow);
        assertTrue(Files.exists(site.resolve("keep/kept.txt")));
    }

    @Test
    @DisplayName("an uploaded file is listed by the upload directory's autoindex, with a link that downloads it")
    void listsAnUploadedFile() throws Exception {
        HttpResponse<String> put = Http.send(Http.request(server.uri("/uploads/listed%20file.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("in the list")).build());
        assertEquals(201, put.statusCode(), put::body);

        HttpResponse<String> listing = server.get("/uploads/");
        assertEquals(200, listing.statusCode());
        assertTrue(listing.body().contains("href=\"listed%20file.txt\"")
                || listing.body().contains("href=\"/uploads/listed%20file.txt\""), listing::body);
        assertTrue(listing.body().contains("listed file.txt"), listing::body);
        assertFalse(listing.body().contains(".upload-"), "temporary files are never listed");
        assertEquals("in the list", server.get("/uploads/listed%20file.txt").body());
    }

    @Test
    @DisplayName("RFC 9110 §9.3.4: PUT to an existing name is 409 and the file keeps its content")
    void putNeverReplacesAFile() throws Exception {
        SiteFiles.write(uploads, "taken.txt", "first");
        HttpResponse<String> response = Http.send(Http.request(server.uri("/uploads/taken.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("second")).build());
        assertEquals(409, response.statusCode(), response::body);
        assertEquals("first", Files.readString(uploads.resolve("taken.txt")));
        awaitEmptyOf(".upload-");
    }

    @Test
    @DisplayName("a form file whose name is taken is stored as 'name (1).ext', and Location says so")
    void formUploadNumbersATakenName() throws Exception {
        SiteFiles.write(uploads, "report.txt", "old");
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"report.txt\"\r\n"
                + "\r\nnew\r\n--" + BOUNDARY + "--\r\n";
        HttpResponse<String> response = Http.send(Http.request(server.uri("/uploads/"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, response.statusCode(), response::body);
        assertEquals("/uploads/report%20(1).txt", response.headers().firstValue("Location").orElse(null));
        assertEquals("old", Files.readString(uploads.resolve("report.txt")));
        assertEquals("new", server.get("/uploads/report%20(1).txt").body());
    }

    private void awaitStagedBytes() throws Exception {
        Poll.until(CLEAN_UP, () -> stagedFiles().stream().anyMatch(UploadFailuresTest::nonEmpty),
                () -> "the server staged received bytes in a .upload-*.part file; directory holds "
                        + describe(uploads));
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private List<Path> stagedFiles() throws IOException {
        try (Stream<Path> files = Files.list(uploads)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".upload-")).collect(Collectors.toList());
        }
    }

    private void awaitEmptyOf(String prefix) throws Exception {
        Poll.until(CLEAN_UP, () -> listing(uploads).stream().noneMatch(name -> name.startsWith(prefix)),
                () -> "no " + prefix + "* file left; directory holds " + describe(uploads));
    }

    private static void awaitEmpty(Path directory) throws Exception {
        Poll.until(CLEAN_UP, () -> listing(directory).isEmpty(),
                () -> "nothing left in " + directory + "; it holds " + describe(directory));
    }

    private static String describe(Path directory) {
        try {
            return listing(directory).toString();
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static void closeAs(RawClient client, String howClosed) throws IOException {
        if (howClosed.equals("RST")) {
            client.abort();
        } else {
            client.close();
        }
    }
}
