package dev.solo.http.internal.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartParserTest {

    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    private static final int HEADER_LIMIT = 8192;

    /** Content full of near-delimiters: each must come out as data, never end the part. */
    private static final byte[] TRICKY = ("a\r\n--" + BOUNDARY.substring(0, 10) + "\r\n\r\n--\r\r\n-"
            + "--" + BOUNDARY + "\n\r\n-" + BOUNDARY + "\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "x\r")
            .getBytes(StandardCharsets.ISO_8859_1);

    private static final byte[] SAMPLE = new MultipartBody(BOUNDARY)
            .preamble("This is the preamble.\r\n")
            .field("title", "holiday")
            .file("photo", "a.bin", "application/octet-stream", TRICKY)
            .file("empty", "empty.txt", null, new byte[0])
            .close("epilogue, ignored");

    @Test
    void parsesFieldsAndFilesWithTheirHeaders() throws Exception {
        RecordingListener listener = parse(BOUNDARY, SAMPLE);

        assertTrue(listener.finished);
        assertEquals(3, listener.parts.size());
        assertEquals(new PartHeaders("title", null, "text/plain"), listener.parts.get(0).headers);
        assertEquals("holiday", listener.parts.get(0).text());
        assertEquals(new PartHeaders("photo", "a.bin", "application/octet-stream"), listener.parts.get(1).headers);
        assertArrayEquals(TRICKY, listener.parts.get(1).bytes());
        assertEquals(new PartHeaders("empty", "empty.txt", "text/plain"), listener.parts.get(2).headers);
        assertEquals(0, listener.parts.get(2).bytes().length);
    }

    @Test
    void findsTheDelimiterSplitAtEveryOffset() throws Exception {
        for (int split = 0; split <= SAMPLE.length; split++) {
            RecordingListener listener = new RecordingListener();
            MultipartParser parser = new MultipartParser(BOUNDARY, HEADER_LIMIT, listener);
            parser.feed(ByteBuffer.wrap(SAMPLE, 0, split));
            parser.feed(ByteBuffer.wrap(SAMPLE, split, SAMPLE.length - split));
            parser.finish();
            assertSameParts(parse(BOUNDARY, SAMPLE), listener, "split at " + split);
        }
    }

    @Test
    void parsesOneByteAtATime() throws Exception {
        RecordingListener listener = new RecordingListener();
        MultipartParser parser = new MultipartParser(BOUNDARY, HEADER_LIMIT, listener);
        for (byte b : SAMPLE) {
            parser.feed(ByteBuffer.wrap(new byte[] {b}));
        }
        parser.finish();
        assertSameParts(parse(BOUNDARY, SAMPLE), listener, "byte at a time");
    }

    @Test
    void parsesRandomBinaryFilesFedInRandomSlices() throws Exception {
        Random random = new Random(42);
        byte[][] files = new byte[5][];
        MultipartBody body = new MultipartBody("b0undary");
        for (int i = 0; i < files.length; i++) {
            files[i] = new byte[random.nextInt(100_000)];
            random.nextBytes(files[i]);
            body.file("f" + i, "f" + i + ".bin", "application/octet-stream", files[i]);
        }
        byte[] whole = body.close();
        RecordingListener listener = new RecordingListener();
        MultipartParser parser = new MultipartParser("b0undary", HEADER_LIMIT, listener);
        for (int at = 0; at < whole.length; ) {
            int size = Math.min(whole.length - at, 1 + random.nextInt(5000));
            parser.feed(ByteBuffer.wrap(whole, at, size).slice());
            at += size;
        }
        parser.finish();
        for (int i = 0; i < files.length; i++) {
            assertArrayEquals(files[i], listener.parts.get(i).bytes(), "file " + i);
        }
    }

    @Test
    void holdsBackNoMoreThanAPossibleDelimiter() throws Exception {
        RecordingListener listener = new RecordingListener();
        MultipartParser parser = new MultipartParser(BOUNDARY, HEADER_LIMIT, listener);
        byte[] start = new MultipartBody(BOUNDARY).file("f", "a", null, "abc".getBytes(StandardCharsets.US_ASCII))
                .unclosed();
        parser.feed(ByteBuffer.wrap(start));
        parser.feed(ByteBuffer.wrap(("\r\n--" + BOUNDARY.substring(0, 5)).getBytes(StandardCharsets.US_ASCII)));

        assertEquals("abc", listener.parts.get(0).text());

        parser.feed(ByteBuffer.wrap("?".getBytes(StandardCharsets.US_ASCII)));

        assertEquals("abc\r\n--" + BOUNDARY.substring(0, 5) + "?", listener.parts.get(0).text());
    }

    @Test
    void passesLargeContentOnAsSlicesOfTheInput() throws Exception {
        RecordingListener listener = new RecordingListener();
        MultipartParser parser = new MultipartParser(BOUNDARY, HEADER_LIMIT, listener);
        byte[] content = new byte[64 * 1024];
        parser.feed(ByteBuffer.wrap(new MultipartBody(BOUNDARY).file("f", "a", null, content).close()));

        assertTrue(listener.dataCalls <= 2, "data calls: " + listener.dataCalls);
        assertEquals(content.length, listener.contentBytes());
    }

    @Test
    void acceptsTheFirstBoundaryAfterAPreambleLineOrAtTheVeryStart() throws Exception {
        byte[] atStart = new MultipartBody("x").field("a", "1").close();
        byte[] afterPreamble = new MultipartBody("x").preamble("junk\r\n").field("a", "1").close();
        byte[] afterBareCrlf = new MultipartBody("x").preamble("\r\n").field("a", "1").close();

        for (byte[] body : new byte[][] {atStart, afterPreamble, afterBareCrlf}) {
            RecordingListener listener = parse("x", body);
            assertEquals(1, listener.parts.size());
            assertEquals("1", listener.parts.get(0).text());
        }
    }

    @Test
    void acceptsTransportPaddingAfterTheBoundary() throws Exception {
        byte[] body = ("--x \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--")
                .getBytes(StandardCharsets.US_ASCII);

        assertEquals("1", parse("x", body).parts.get(0).text());
    }

    @Test
    void acceptsACloseDelimiterWithoutTrailingCrlf() throws Exception {
        RecordingListener listener = parse("x", new MultipartBody("x").field("a", "1").close(null));

        assertTrue(listener.finished);
        assertEquals("1", listener.parts.get(0).text());
    }

    @Test
    void acceptsAFormWithoutParts() throws Exception {
        RecordingListener listener = parse("x", "--x--\r\n".getBytes(StandardCharsets.US_ASCII));

        assertTrue(listener.finished);
        assertTrue(listener.parts.isEmpty());
    }

    @Test
    void handlesManyFiles() throws Exception {
        MultipartBody body = new MultipartBody("many");
        for (int i = 0; i < 500; i++) {
            body.file("f", "file" + i + ".txt", "text/plain", ("content " + i).getBytes(StandardCharsets.UTF_8));
        }
        RecordingListener listener = parse("many", body.close());

        assertEquals(500, listener.parts.size());
        assertEquals("file499.txt", listener.parts.get(499).headers.fileName());
        assertEquals("content 499", listener.parts.get(499).text());
    }

    @Test
    void prefersTheExtendedFileName() throws Exception {
        byte[] body = new MultipartBody("x").part("Content-Disposition: form-data; name=\"f\"; filename=\"naive.txt\";"
                + " filename*=UTF-8''na%C3%AFve%20%E2%82%AC.txt\r\n", new byte[] {1}).close();

        assertEquals("na\u00efve \u20ac.txt", parse("x", body).parts.get(0).headers.fileName());
    }

    @Test
    void readsRawUtf8FileNamesAndKeepsBackslashPaths() throws Exception {
        byte[] body = new MultipartBody("x").file("f", "C:\\Users\\me\\r\u00e9sum\u00e9.pdf", null, new byte[0])
                .close();

        assertEquals("C:\\Users\\me\\r\u00e9sum\u00e9.pdf", parse("x", body).parts.get(0).headers.fileName());
    }

    @Test
    void readsFoldedAndCaseInsensitiveHeaders() throws Exception {
        byte[] body = new MultipartBody("x").part("content-disposition: form-data;\r\n name=\"f\"\r\n"
                + "CONTENT-TYPE: image/png\r\n", new byte[0]).close();

        PartHeaders headers = parse("x", body).parts.get(0).headers;
        assertEquals("f", headers.name());
        assertEquals("image/png", headers.contentType());
        assertNull(headers.fileName());
    }

    @Test
    void refusesABodyWithoutClosingBoundary() throws Exception {
        byte[] body = new MultipartBody("x").file("f", "a.txt", null, new byte[10]).unclosed();
        MultipartParser parser = new MultipartParser("x", HEADER_LIMIT, new RecordingListener());
        parser.feed(ByteBuffer.wrap(body));

        assertFalse(parser.isFinished());
        assertThrows(MalformedMultipartException.class, parser::finish);
    }

    @Test
    void refusesABodyThatIsAllPreamble() throws Exception {
        MultipartParser parser = new MultipartParser("x", HEADER_LIMIT, new RecordingListener());
        parser.feed(ByteBuffer.wrap("no boundary here".getBytes(StandardCharsets.US_ASCII)));

        assertThrows(MalformedMultipartException.class, parser::finish);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--xy\r\n", "--x-\r\n", "--x\n", "--x\rX"})
    void refusesGarbageAfterABoundary(String start) {
        byte[] body = (start + "Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--")
                .getBytes(StandardCharsets.US_ASCII);

        assertThrows(MalformedMultipartException.class, () -> parse("x", body));
    }

    @Test
    void refusesOverlongPartHeaders() {
        String big = "X-Filler: " + "a".repeat(HEADER_LIMIT) + "\r\n";
        byte[] body = new MultipartBody("x").part("Content-Disposition: form-data; name=\"a\"\r\n" + big, new byte[0])
                .close();

        MalformedMultipartException error = assertThrows(MalformedMultipartException.class, () -> parse("x", body));
        assertEquals("multipart part headers too large", error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Content-Type: text/plain\r\n", "Content-Disposition: attachment; name=\"a\"\r\n",
        "Content-Disposition : form-data; name=\"a\"\r\n", "no colon\r\n"})
    void refusesPartsWithoutFormDataDisposition(String headers) {
        byte[] body = new MultipartBody("x").part(headers, new byte[0]).close();

        assertThrows(MalformedMultipartException.class, () -> parse("x", body));
    }

    @Test
    void ignoresEverythingAfterTheCloseDelimiter() throws Exception {
        byte[] body = new MultipartBody("x").field("a", "1")
                .close("--x\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--x--\r\n");

        assertEquals(1, parse("x", body).parts.size());
    }

    @Test
    void extractsTheBoundaryFromContentType() {
        assertEquals(Optional.of("abc"), MultipartParser.boundaryOf("multipart/form-data; boundary=abc"));
        assertEquals(Optional.of("a b:c"), MultipartParser.boundaryOf("multipart/form-data;boundary=\"a b:c\""));
        assertEquals(Optional.of("X"), MultipartParser.boundaryOf("Multipart/Form-Data; charset=utf-8; BOUNDARY=X"));
        assertEquals(Optional.of("x".repeat(70)), MultipartParser.boundaryOf("multipart/form-data; boundary="
                + "x".repeat(70)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; "
            + "boundary=\"\"", "multipart/form-data; boundary=\"ends in space \"", "multipart/form-data; boundary=a{b",
        "multipart/form-data; boundary=\"\u00e9\"", "multipart/form-data; boundary="
            + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void rejectsMissingOrInvalidBoundaries(String contentType) {
        assertEquals(Optional.empty(), MultipartParser.boundaryOf(contentType));
    }

    private static RecordingListener parse(String boundary, byte[] body) throws Exception {
        RecordingListener listener = new RecordingListener();
        MultipartParser parser = new MultipartParser(boundary, HEADER_LIMIT, listener);
        parser.feed(ByteBuffer.wrap(body));
        parser.finish();
        return listener;
    }

    private static void assertSameParts(RecordingListener expected, RecordingListener actual, String what) {
        assertEquals(expected.finished, actual.finished, what);
        assertEquals(expected.parts.size(), actual.parts.size(), what);
        for (int i = 0; i < expected.parts.size(); i++) {
            assertEquals(expected.parts.get(i).headers, actual.parts.get(i).headers, what);
            assertArrayEquals(expected.parts.get(i).bytes(), actual.parts.get(i).bytes(), what + ", part " + i);
        }
    }
}
