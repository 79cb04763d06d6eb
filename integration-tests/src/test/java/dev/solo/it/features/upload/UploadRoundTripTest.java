package dev.solo.it.features.upload;

import static dev.solo.it.features.support.GeneratedContent.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.solo.it.features.support.GeneratedContent;
import dev.solo.it.features.support.MultipartBody;
import dev.solo.it.features.support.Transfers;
import dev.solo.it.support.Http;
import dev.solo.it.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random binary files of 0 B, 1 B, 1 MiB and 100 MiB go up as multipart forms (RFC 7578), as raw PUT and as raw POST
 * bodies, each with {@code Content-Length} and chunked, answer 201 with {@code Location}, and come back byte for
 * byte (compared by SHA-256).
 */
class UploadRoundTripTest {

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0;
                root {root};
                location /uploads/ {
                    upload on;
                    autoindex on;
                    methods GET POST PUT DELETE;
                    client_max_body_size 300m;
                }
            }
            """;

    private static final long[] SIZES = {0, 1, MIB, 100 * MIB};

    @TempDir
    static Path site;

    private static TestServer server;
    private static Path uploads;

    @BeforeAll
    static void startServer() throws Exception {
        uploads = Files.createDirectories(site.resolve("uploads"));
        server = TestServer.start(CONFIG, Map.of("root", site));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    static Stream<Arguments> rawUploads() {
        List<Arguments> cases = new ArrayList<>();
        for (long size : SIZES) {
            for (String method : new String[] {"PUT", "POST"}) {
                for (boolean chunked : new boolean[] {false, true}) {
                    cases.add(Arguments.of(method, size, chunked));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} of {1} bytes, chunked: {2}")
    @MethodSource("rawUploads")
    @DisplayName("a raw PUT or POST body is stored under the name in the path and downloads identical")
    void storesARawBodyAndServesItBackIdentical(String method, long size, boolean chunked) throws Exception {
        GeneratedContent content = GeneratedContent.of(size * 31 + method.hashCode(), size);
        String name = method.toLowerCase(Locale.ROOT) + "-" + size + (chunked ? "-chunked" : "-length") + ".bin";

        HttpResponse<String> response = Transfers.send(method, server.uri("/uploads/" + name),
                chunked ? content.chunked() : content.withContentLength());

        assertEquals(201, response.statusCode(), response::body);
        assertEquals("/uploads/" + name, response.headers().firstValue("Location").orElse(null));
        assertDownloadsAs(content, "/uploads/" + name);
    }

    @ParameterizedTest(name = "chunked: {0}")
    @MethodSource("framings")
    @DisplayName("RFC 9110 §10.1.1: an upload that waits for 100 Continue (as curl sends large files) is stored")
    void storesAnUploadThatExpects100Continue(boolean chunked) throws Exception {
        GeneratedContent content = GeneratedContent.of(100, 3 * MIB);
        String name = "continue-" + (chunked ? "chunked" : "length") + ".bin";
        HttpResponse<String> response = Http.send(Http.request(server.uri("/uploads/" + name))
                .expectContinue(true).PUT(chunked ? content.chunked() : content.withContentLength()).build());
        assertEquals(201, response.statusCode(), response::body);
        assertDownloadsAs(content, "/uploads/" + name);
    }

    static Stream<Arguments> singleFileForms() {
        List<Arguments> cases = new ArrayList<>();
        for (long size : SIZES) {
            for (boolean chunked : new boolean[] {false, true}) {
                cases.add(Arguments.of(size, chunked));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} bytes, chunked: {1}")
    @MethodSource("singleFileForms")
    @DisplayName("RFC 7578: a form with one file part stores it under its filename and it downloads identical")
    void storesAFormFileAndServesItBackIdentical(long size, boolean chunked) throws Exception {
        GeneratedContent content = GeneratedContent.of(size * 7 + 3, size);
        String name = "form-" + size + (chunked ? "-chunked" : "-length") + ".bin";
        MultipartBody form = MultipartBody.create().file("files", name, content);

        HttpResponse<String> response = Transfers.send("POST", server.uri("/uploads/"),
                chunked ? form.chunked() : form.withContentLength(), "Content-Type", form.contentType());

        assertEquals(201, response.statusCode(), response::body);
        assertEquals("/uploads/" + name, response.headers().firstValue("Location").orElse(null));
        assertDownloadsAs(content, "/uploads/" + name);
    }

    @ParameterizedTest(name = "chunked: {0}")
    @MethodSource("framings")
    @DisplayName("RFC 7578 §4.3: several files in one form are all stored, each identical, with a text field between")
    void storesEveryFileOfOneForm(boolean chunked) throws Exception {
        String tag = chunked ? "chunked" : "length";
        List<GeneratedContent> contents = new ArrayList<>();
        MultipartBody form = MultipartBody.create();
        for (int i = 0; i < SIZES.length; i++) {
            GeneratedContent content = GeneratedContent.of(1000 + i, SIZES[i]);
            contents.add(content);
            form.file("files", "several-" + tag + "-" + i + ".bin", content);
            if (i == 1) {
                form.field("note", "between the files");
            }
        }

        HttpResponse<String> response = Transfers.send("POST", server.uri("/uploads/"),
                chunked ? form.chunked() : form.withContentLength(),
                "Content-Type", form.contentType(), "Accept", "application/json");

        assertEquals(201, response.statusCode(), response::body);
        List<String> urls = Transfers.storedUrls(response.body());
        assertEquals(List.of("/uploads/several-" + tag + "-0.bin", "/uploads/several-" + tag + "-1.bin",
                "/uploads/several-" + tag + "-2.bin", "/uploads/several-" + tag + "-3.bin"), urls, response.body());
        assertEquals(urls.get(0), response.headers().firstValue("Location").orElse(null));
        for (int i = 0; i < urls.size(); i++) {
            assertDownloadsAs(contents.get(i), urls.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentNames")
    @DisplayName("a form file name is reduced to a safe base name, and Location is its encoded URL")
    void storesFormFilesUnderSafeNames(String sent, String stored, String location) throws Exception {
        GeneratedContent content = GeneratedContent.of(sent.hashCode(), 1000);
        MultipartBody form = MultipartBody.create().file("files", sent, content);
        HttpResponse<String> response = Transfers.send("POST", server.uri("/uploads/"), form.withContentLength(),
                "Content-Type", form.contentType());
        assertEquals(201, response.statusCode(), response::body);
        assertEquals(location, response.headers().firstValue("Location").orElse(null));
        assertEquals(content.sha256(), GeneratedContent.sha256(uploads.resolve(stored)));
        assertDownloadsAs(content, location);
    }

    static Stream<Arguments> sentNames() {
        return Stream.of(
                Arguments.of("r\u00e9sum\u00e9 2024.txt", "r\u00e9sum\u00e9 2024.txt",
                        "/uploads/r%C3%A9sum%C3%A9%202024.txt"),
                Arguments.of("C:\\Users\\me\\windows.txt", "windows.txt", "/uploads/windows.txt"),
                Arguments.of("../../escape.txt", "escape.txt", "/uploads/escape.txt"),
                Arguments.of(".htaccess", "htaccess", "/uploads/htaccess"));
    }

    static Stream<Boolean> framings() {
        return Stream.of(false, true);
    }

    private static void assertDownloadsAs(GeneratedContent expected, String path) throws Exception {
        Transfers.Download download = Transfers.download(server.uri(path));
        assertEquals(200, download.status(), path);
        assertEquals(expected.sha256(), download.sha256(), () -> path + " downloads as the uploaded bytes");
        // Keep the disk small across the 100 MiB cases; what was stored has been checked through HTTP already.
        Path stored = uploads.resolve(path.substring("/uploads/".length()));
        assertNotNull(stored);
        Files.deleteIfExists(stored);
    }
}
