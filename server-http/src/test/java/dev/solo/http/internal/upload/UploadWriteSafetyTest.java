package dev.solo.http.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.solo.http.BodyConsumer;
import dev.solo.http.HttpException;
import dev.solo.http.Method;
import dev.solo.http.Status;
import dev.solo.http.codec.HttpDate;
import dev.solo.http.spi.ExecutableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: no write may create, replace or delete a file the server runs as a program; PUT and DELETE honour
 * If-Match, If-Unmodified-Since and If-None-Match (RFC 9110 §13).
 */
class UploadWriteSafetyTest {

    private static final String BOUNDARY = "----formboundary";

    @TempDir
    Path root;

    private Path scripts;
    private Path files;
    private TestLocation location;
    private UploadHandler handler;
    private final Random random = new Random(11);

    @BeforeEach
    void setUp() throws IOException {
        scripts = Files.createDirectory(root.resolve("cgi-bin"));
        files = Files.createDirectory(root.resolve("files"));
        location = new TestLocation("/", root);
        ExecutableFiles cgi = new ExecutableFiles(scripts, List.of(".py", ".php"), "location /cgi-bin/ at test");
        handler = new UploadHandler(Optional.empty(), UploadLimits.DEFAULTS, List.of(cgi));
    }

    @Test
    void refusesAPutOfAScriptWhereALocationRunsIt() throws Exception {
        ExchangeStub put = request(Method.PUT, "/cgi-bin/pwn.py", Map.of());

        assertEquals(Status.FORBIDDEN, put.error().status());
        verify(put.exchange, never()).receiveBody(any());
        assertEquals(0, count(scripts));
    }

    @Test
    void refusesARawPostOfAScriptInAnyCaseOfItsExtension() throws Exception {
        assertEquals(Status.FORBIDDEN, request(Method.POST, "/cgi-bin/pwn.PY", Map.of()).error().status());
        assertEquals(Status.FORBIDDEN, request(Method.POST, "/cgi-bin/sub.php", Map.of()).error().status());
        assertEquals(0, count(scripts));
    }

    @Test
    void refusesAFormWhosePartNamesAScript() throws Exception {
        byte[] body = new MultipartBody(BOUNDARY).file("f", "notes.txt", null, bytes("fine"))
                .file("f", "pwn.py", "text/x-python", bytes("import os")).close();
        ExchangeStub post = request(Method.POST, "/cgi-bin/",
                Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY));
        BodyConsumer consumer = post.body();

        HttpException error = assertThrows(HttpException.class,
                () -> ExchangeStub.feed(consumer, body, 0, body.length, random));

        assertEquals(Status.FORBIDDEN, error.status());
        assertEquals(0, count(scripts), "neither the script nor the file before it is kept");
    }

    @Test
    void refusesToDeleteAScript() throws Exception {
        Files.writeString(scripts.resolve("app.py"), "print()");

        assertEquals(Status.FORBIDDEN, request(Method.DELETE, "/cgi-bin/app.py", Map.of()).error().status());
        assertTrue(Files.exists(scripts.resolve("app.py")));
    }

    @Test
    void storesScriptNamesWhereNoLocationRunsThemAndOtherNamesBesideScripts() throws Exception {
        ExchangeStub put = request(Method.PUT, "/files/tool.py", Map.of());
        put.send(bytes("print()"), random);
        ExchangeStub text = request(Method.PUT, "/cgi-bin/readme.txt", Map.of());
        text.send(bytes("hello"), random);

        assertEquals(Status.CREATED, put.response().status());
        assertEquals(Status.CREATED, text.response().status());
    }

    @Test
    void refusesAPutWhoseIfMatchDoesNotMatch() throws Exception {
        Path file = Files.writeString(files.resolve("a.txt"), "old");

        ExchangeStub put = request(Method.PUT, "/files/a.txt", Map.of("If-Match", "\"nope\""));

        assertEquals(Status.PRECONDITION_FAILED, put.error().status());
        assertEquals("old", Files.readString(file));
    }

    @Test
    void refusesAPutWithIfMatchForAMissingFile() throws Exception {
        ExchangeStub put = request(Method.PUT, "/files/none.txt", Map.of("If-Match", "*"));

        assertEquals(Status.PRECONDITION_FAILED, put.error().status());
        assertFalse(Files.exists(files.resolve("none.txt")));
    }

    @Test
    void replacesAFileWhenIfMatchNamesItsCurrentVersion() throws Exception {
        Path file = Files.writeString(files.resolve("a.txt"), "old");

        ExchangeStub put = request(Method.PUT, "/files/a.txt", Map.of("If-Match", etag(file)));
        put.send(bytes("new"), random);

        assertEquals(Status.CREATED, put.response().status());
        assertEquals("new", Files.readString(file));
    }

    @Test
    void refusesTheReplacementWhenTheFileChangedWhileTheBodyArrived() throws Exception {
        Path file = Files.writeString(files.resolve("a.txt"), "old");
        ExchangeStub put = request(Method.PUT, "/files/a.txt", Map.of("If-Match", etag(file)));
        BodyConsumer consumer = put.body();
        ExchangeStub.feed(consumer, bytes("new"), 0, 3, random);
        Files.writeString(file, "someone else's");

        consumer.onComplete();

        assertEquals(Status.PRECONDITION_FAILED, put.error().status());
        assertEquals("someone else's", Files.readString(file));
    }

    @Test
    void refusesAPutWhoseIfUnmodifiedSinceIsOlderThanTheFile() throws Exception {
        Path file = Files.writeString(files.resolve("a.txt"), "old");
        long modified = Files.getLastModifiedTime(file).toMillis();

        ExchangeStub put = request(Method.PUT, "/files/a.txt",
                Map.of("If-Unmodified-Since", HttpDate.format(modified - 60_000)));

        assertEquals(Status.PRECONDITION_FAILED, put.error().status());
        assertEquals("old", Files.readString(file));
    }

    @Test
    void refusesAPutWithIfNoneMatchStarOverAnExistingFile() throws Exception {
        Files.writeString(files.resolve("a.txt"), "old");

        ExchangeStub put = request(Method.PUT, "/files/a.txt", Map.of("If-None-Match", "*"));

        assertEquals(Status.PRECONDITION_FAILED, put.error().status());
    }

    @Test
    void refusesADeleteWhosePreconditionsFail() throws Exception {
        Path file = Files.writeString(files.resolve("a.txt"), "x");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        long modified = Files.getLastModifiedTime(file).toMillis();

        assertEquals(Status.PRECONDITION_FAILED,
                request(Method.DELETE, "/files/a.txt", Map.of("If-Match", "\"other\"")).error().status());
        assertEquals(Status.PRECONDITION_FAILED, request(Method.DELETE, "/files/a.txt",
                Map.of("If-Unmodified-Since", HttpDate.format(modified - 60_000))).error().status());
        assertTrue(Files.exists(file));
    }

    @Test
    void deletesWhenIfMatchNamesTheCurrentVersion() throws Exception {
        Path file = Files.writeString(files.resolve("a.txt"), "x");

        ExchangeStub delete = request(Method.DELETE, "/files/a.txt", Map.of("If-Match", etag(file)));

        assertEquals(Status.NO_CONTENT, delete.response().status());
        assertFalse(Files.exists(file));
    }

    @Test
    void declaresTheMethodsItTakesAndWritesWith() {
        assertEquals(java.util.Set.of(Method.POST, Method.PUT, Method.DELETE), handler.methods());
        assertEquals(handler.methods(), handler.writeMethods());
    }

    private ExchangeStub request(Method method, String path, Map<String, String> headers) throws IOException {
        ExchangeStub stub = new ExchangeStub(location, method, path);
        headers.forEach(stub::header);
        assertTrue(handler.handle(stub.exchange));
        return stub;
    }

    /** The ETag static files send for it (see Validators): modification time in nanoseconds and size, in hex. */
    private static String etag(Path file) throws IOException {
        return "\"" + Long.toHexString(Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS)) + "-"
                + Long.toHexString(Files.size(file)) + "\"";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long count(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.count();
        }
    }
}
