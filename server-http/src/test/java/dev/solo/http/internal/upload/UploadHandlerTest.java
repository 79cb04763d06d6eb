package dev.solo.http.internal.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.http.BodyConsumer;
import dev.solo.http.HttpException;
import dev.solo.http.Method;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadHandlerTest {

    private static final String BOUNDARY = "----formboundary";

    @TempDir
    Path root;

    private Path files;
    private TestLocation location;
    private UploadHandler handler;
    private final Random random = new Random(7);

    @BeforeEach
    void setUp() throws IOException {
        files = Files.createDirectory(root.resolve("files"));
        location = new TestLocation("/", root);
        handler = new UploadHandler(Optional.empty(), UploadLimits.DEFAULTS);
    }

    @Test
    void storesAPutBodyByteForByte() throws Exception {
        byte[] content = randomBytes(300_000);
        ExchangeStub put = request(Method.PUT, "/files/data.bin", "application/octet-stream");

        put.send(content, random);

        Response response = put.response();
        assertEquals(Status.CREATED, response.status());
        assertEquals("/files/data.bin", response.headers().get("Location"));
        assertArrayEquals(sha256(content), sha256(Files.readAllBytes(files.resolve("data.bin"))));
        assertEquals(List.of("data.bin"), listing(files));
    }

    @Test
    void storesEveryFileOfAFormByteForByte() throws Exception {
        byte[] first = randomBytes(200_000);
        byte[] second = randomBytes(70_000);
        byte[] body = new MultipartBody(BOUNDARY).field("note", "two files")
                .file("f", "first.bin", "application/octet-stream", first)
                .file("f", "second.bin", null, second).close();
        ExchangeStub post = form("/files/", BOUNDARY);

        post.send(body, random);

        assertEquals(Status.CREATED, post.response().status());
        assertEquals("/files/first.bin", post.response().headers().get("Location"));
        assertArrayEquals(sha256(first), sha256(Files.readAllBytes(files.resolve("first.bin"))));
        assertArrayEquals(sha256(second), sha256(Files.readAllBytes(files.resolve("second.bin"))));
        assertEquals(List.of("first.bin", "second.bin"), listing(files));
    }

    @Test
    void declinesOtherMethods() throws Exception {
        for (Method method : new Method[] {Method.GET, Method.HEAD, Method.OPTIONS, Method.PATCH}) {
            ExchangeStub get = new ExchangeStub(location, method, "/files/a.txt");

            assertFalse(handler.handle(get.exchange));
            verify(get.exchange, never()).receiveBody(any());
            verify(get.exchange, never()).respond(any());
        }
    }

    @Test
    void removesTheTemporaryFileWhenARawBodyIsAborted() throws Exception {
        ExchangeStub put = request(Method.PUT, "/files/big.bin", "application/octet-stream");
        BodyConsumer body = put.body();
        ExchangeStub.feed(body, randomBytes(50_000), 0, 50_000, random);

        assertEquals(1, hiddenFiles(files));
        assertEquals(List.of(), listing(files));

        body.onAbort(new IOException("client went away"));

        assertEquals(0, hiddenFiles(files));
        verify(put.exchange, never()).respond(any());
    }

    @Test
    void removesEveryTemporaryFileWhenAFormIsAborted() throws Exception {
        byte[] whole = new MultipartBody(BOUNDARY).file("f", "a.bin", null, randomBytes(10_000))
                .file("f", "b.bin", null, randomBytes(10_000)).close();
        ExchangeStub post = form("/files/", BOUNDARY);
        BodyConsumer body = post.body();
        ExchangeStub.feed(body, whole, 0, whole.length - 100, random);

        assertEquals(2, hiddenFiles(files));

        body.onAbort(HttpException.contentTooLarge("too large"));

        assertEquals(0, hiddenFiles(files));
        assertEquals(List.of(), listing(files));
    }

    @Test
    void removesTemporaryFilesWhenTheExchangeIsAbortedButKeepsCompletedUploads() throws Exception {
        ExchangeStub aborted = request(Method.PUT, "/files/a.bin", "application/octet-stream");
        ExchangeStub.feed(aborted.body(), randomBytes(1000), 0, 1000, random);
        aborted.abortCleanup().run();

        assertEquals(0, hiddenFiles(files));

        ExchangeStub completed = request(Method.PUT, "/files/b.bin", "application/octet-stream");
        completed.send(randomBytes(1000), random);
        completed.abortCleanup().run();

        assertEquals(List.of("b.bin"), listing(files));
    }

    @Test
    void numbersTheNameWhenAPostNamesAnExistingFile() throws Exception {
        Files.writeString(files.resolve("a.txt"), "original");

        ExchangeStub first = request(Method.POST, "/files/a.txt", "text/plain");
        first.send(bytes("one"), random);
        ExchangeStub second = form("/files", BOUNDARY);
        second.send(new MultipartBody(BOUNDARY).file("f", "a.txt", null, bytes("two"))
                .file("f", "a.txt", null, bytes("three")).close(), random);

        assertEquals("/files/a%20(1).txt", first.response().headers().get("Location"));
        assertEquals("original", Files.readString(files.resolve("a.txt")));
        assertEquals("one", Files.readString(files.resolve("a (1).txt")));
        assertEquals("two", Files.readString(files.resolve("a (2).txt")));
        assertEquals("three", Files.readString(files.resolve("a (3).txt")));
    }

    @Test
    void refusesAPutToAnExistingNameBeforeTheBody() throws Exception {
        Files.writeString(files.resolve("a.txt"), "original");
        ExchangeStub put = request(Method.PUT, "/files/a.txt", "text/plain");

        assertEquals(Status.CONFLICT, put.error().status());
        verify(put.exchange, never()).receiveBody(any());
        assertEquals("original", Files.readString(files.resolve("a.txt")));
    }

    @Test
    void refusesAPutWhoseNameWasTakenWhileTheBodyArrived() throws Exception {
        ExchangeStub put = request(Method.PUT, "/files/a.txt", "text/plain");
        BodyConsumer body = put.body();
        body.onData(ByteBuffer.wrap(bytes("late")));
        Files.writeString(files.resolve("a.txt"), "first");

        body.onComplete();

        assertEquals(Status.CONFLICT, put.error().status());
        assertEquals("first", Files.readString(files.resolve("a.txt")));
        assertEquals(0, hiddenFiles(files));
    }

    @Test
    void answers415ForAFormWithoutBoundary() throws Exception {
        ExchangeStub post = request(Method.POST, "/files/", "multipart/form-data");

        assertEquals(Status.UNSUPPORTED_MEDIA_TYPE, post.error().status());
        verify(post.exchange, never()).receiveBody(any());
    }

    @Test
    void storesNothingFromAFormThatNeverCloses() throws Exception {
        ExchangeStub post = form("/files/", BOUNDARY);
        post.send(new MultipartBody(BOUNDARY).file("f", "a.bin", null, randomBytes(5000)).unclosed(), random);

        HttpException error = post.error();
        assertEquals(Status.BAD_REQUEST, error.status());
        assertFalse(error.closeConnection());
        assertEquals(List.of(), listing(files));
        assertEquals(0, hiddenFiles(files));
    }

    @Test
    void storesNothingWhenALaterPartIsMalformed() throws Exception {
        byte[] body = new MultipartBody(BOUNDARY).file("f", "good.bin", null, randomBytes(5000))
                .part("Content-Type: text/plain\r\n", bytes("no disposition")).close();
        ExchangeStub post = form("/files/", BOUNDARY);

        HttpException error = assertThrows(HttpException.class, () -> post.send(body, random));

        assertEquals(Status.BAD_REQUEST, error.status());
        assertTrue(error.closeConnection(), "the rest of the body is not read");
        verify(post.exchange, never()).respond(any());
        assertEquals(List.of(), listing(files));
        assertEquals(0, hiddenFiles(files));
    }

    @Test
    void answers400ForAFormWithoutFilesAndSkipsEmptyFileInputs() throws Exception {
        ExchangeStub post = form("/files/", BOUNDARY);
        post.send(new MultipartBody(BOUNDARY).field("a", "1").file("f", "", "application/octet-stream", new byte[0])
                .close(), random);

        assertEquals(Status.BAD_REQUEST, post.error().status());
        assertEquals(List.of(), listing(files));
    }

    @Test
    void answers413WhenFormFieldsExceedTheirBudget() throws Exception {
        handler = new UploadHandler(Optional.empty(), new UploadLimits(1024, 100, 10));
        ExchangeStub post = form("/files/", BOUNDARY);
        byte[] body = new MultipartBody(BOUNDARY).file("f", "a.txt", null, bytes("x")).field("big", "v".repeat(200))
                .close();

        assertEquals(Status.CONTENT_TOO_LARGE, assertThrows(HttpException.class, () -> post.send(body, random))
                .status());
        assertEquals(List.of(), listing(files));
        assertEquals(0, hiddenFiles(files));
    }

    @Test
    void answers413ForTooManyFiles() throws Exception {
        handler = new UploadHandler(Optional.empty(), new UploadLimits(1024, 100, 2));
        MultipartBody body = new MultipartBody(BOUNDARY);
        for (int i = 0; i < 3; i++) {
            body.file("f", i + ".txt", null, bytes("x"));
        }
        ExchangeStub post = form("/files/", BOUNDARY);

        assertEquals(Status.CONTENT_TOO_LARGE, assertThrows(HttpException.class, () -> post.send(body.close(), random))
                .status());
        assertEquals(0, hiddenFiles(files));
    }

    @Test
    void storesABodylessPutAsAnEmptyFile() throws Exception {
        ExchangeStub put = new ExchangeStub(location, Method.PUT, "/files/empty.txt");
        when(put.request.hasBody()).thenReturn(false);

        assertTrue(handler.handle(put.exchange));

        verify(put.exchange, never()).receiveBody(any());

        assertEquals(Status.CREATED, put.response().status());
        assertEquals(0, Files.size(files.resolve("empty.txt")));
    }

    @Test
    void sanitizesTheNameInThePath() throws Exception {
        ExchangeStub put = request(Method.PUT, "/files/CON", "text/plain");
        put.send(bytes("x"), random);

        assertEquals("/files/_CON", put.response().headers().get("Location"));
        assertTrue(Files.exists(files.resolve("_CON")));
    }

    @Test
    void refusesUploadsIntoMissingHiddenOrForeignPlaces() throws Exception {
        Files.writeString(files.resolve("plain.txt"), "x");
        Files.createDirectory(root.resolve(".git"));

        assertEquals(Status.NOT_FOUND, request(Method.PUT, "/missing/a.txt", "text/plain").error().status());
        assertEquals(Status.NOT_FOUND, form("/missing/", BOUNDARY).error().status());
        assertEquals(Status.FORBIDDEN, form("/files/plain.txt", BOUNDARY).error().status());
        assertEquals(Status.FORBIDDEN, request(Method.PUT, "/.git/config", "text/plain").error().status());
        assertEquals(Status.BAD_REQUEST, request(Method.PUT, "/files/", "text/plain").error().status());
        assertEquals(List.of("plain.txt"), listing(files));
    }

    @Test
    void answersJsonWhenAskedAndHtmlOtherwise() throws Exception {
        ExchangeStub json = form("/files/", BOUNDARY).header("Accept", "application/json");
        json.send(new MultipartBody(BOUNDARY).field("k", "v\"").file("f", "a&b.txt", null, bytes("12345")).close(),
                random);
        ExchangeStub html = request(Method.PUT, "/files/c&d.txt", "text/plain")
                .header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
        html.send(bytes("12"), random);

        Response jsonResponse = json.response();
        assertEquals("application/json", jsonResponse.headers().get("Content-Type"));
        assertEquals("{\"files\":[{\"name\":\"a&b.txt\",\"url\":\"/files/a&b.txt\",\"size\":5}],"
                + "\"fields\":[{\"name\":\"k\",\"value\":\"v\\\"\"}]}", ExchangeStub.text(jsonResponse));
        Response htmlResponse = html.response();
        assertEquals("text/html; charset=utf-8", htmlResponse.headers().get("Content-Type"));
        assertTrue(ExchangeStub.text(htmlResponse).contains("<a href=\"/files/c&amp;d.txt\">c&amp;d.txt</a> (2 bytes)"),
                ExchangeStub.text(htmlResponse));
    }

    @Test
    void storesInTheUploadStoreWhenConfigured() throws Exception {
        Path store = Files.createDirectory(root.resolve("incoming"));
        handler = new UploadHandler(Optional.of(UploadTarget.Store.of(location, store)), UploadLimits.DEFAULTS);
        ExchangeStub post = form("/files/", BOUNDARY);
        post.send(new MultipartBody(BOUNDARY).file("f", "a.txt", null, bytes("x")).close(), random);

        assertEquals("/incoming/a.txt", post.response().headers().get("Location"));
        assertTrue(Files.exists(store.resolve("a.txt")));
    }

    @Test
    void omitsLocationForAStoreTheLocationDoesNotServe(@TempDir Path elsewhere) throws Exception {
        handler = new UploadHandler(Optional.of(UploadTarget.Store.of(location, elsewhere)), UploadLimits.DEFAULTS);
        ExchangeStub put = request(Method.PUT, "/files/a.txt", "text/plain");
        put.send(bytes("x"), random);

        assertEquals(Status.CREATED, put.response().status());
        assertFalse(put.response().headers().contains("Location"));
        assertTrue(Files.exists(elsewhere.resolve("a.txt")));
    }

    @Test
    void deletesAFile() throws Exception {
        Files.writeString(files.resolve("a.txt"), "x");
        ExchangeStub delete = request(Method.DELETE, "/files/a.txt", null);

        assertEquals(Status.NO_CONTENT, delete.response().status());
        assertFalse(Files.exists(files.resolve("a.txt")));
    }

    @Test
    void answers404ForDeletingAMissingFile() throws Exception {
        ExchangeStub delete = request(Method.DELETE, "/files/none.txt", null);

        verify(delete.exchange).sendError(Status.NOT_FOUND);
    }

    @Test
    void refusesToDeleteDirectoriesHiddenFilesAndWhatLiesOutsideTheRoot(@TempDir Path outside) throws Exception {
        Files.writeString(files.resolve(".secret"), "x");
        Files.writeString(outside.resolve("victim.txt"), "x");
        Files.createSymbolicLink(root.resolve("escape"), outside);

        assertEquals(Status.FORBIDDEN, request(Method.DELETE, "/files", null).error().status());
        assertEquals(Status.FORBIDDEN, request(Method.DELETE, "/", null).error().status());
        assertEquals(Status.FORBIDDEN, request(Method.DELETE, "/files/.secret", null).error().status());
        assertEquals(Status.FORBIDDEN, request(Method.DELETE, "/escape/victim.txt", null).error().status());
        assertTrue(Files.exists(files.resolve(".secret")));
        assertTrue(Files.exists(outside.resolve("victim.txt")));
    }

    private ExchangeStub request(Method method, String path, String contentType) throws IOException {
        ExchangeStub stub = new ExchangeStub(location, method, path);
        if (contentType != null) {
            stub.header("Content-Type", contentType);
        }
        assertTrue(handler.handle(stub.exchange));
        return stub;
    }

    private ExchangeStub form(String path, String boundary) throws IOException {
        return request(Method.POST, path, "multipart/form-data; boundary=\"" + boundary + "\"");
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] content) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                    .collect(Collectors.toList());
        }
    }

    private static long hiddenFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().matches("\\.upload-[0-9a-f]+\\.part")).count();
        }
    }
}
