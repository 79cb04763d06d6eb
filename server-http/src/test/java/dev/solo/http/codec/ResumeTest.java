package dev.solo.http.codec;

import static dev.solo.http.codec.Wire.transcript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.HttpException;
import dev.solo.http.HttpLimits;
import dev.solo.http.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoders give the same result however the bytes are split across reads (after Undertow's
 * ParserResumeTestCase): at every single offset, and one byte at a time.
 */
class ResumeTest {

    static Stream<String> requests() {
        return Stream.of(
                "GET /a/b?c=d HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nX-Long: " + "v".repeat(300)
                        + "\r\n\r\n",
                "\n\r\nGET /bare HTTP/1.1\nHost: x\nConnection: close\n\n",
                "POST /upload HTTP/1.1\r\nHost: x:81\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\nhello world",
                "PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;ext=\"v\"\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: t\r\n\r\n",
                "OPTIONS * HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("requests")
    void givesSameResultWhenSplitAtEveryOffset(String request) {
        byte[] raw = request.getBytes(StandardCharsets.ISO_8859_1);
        String whole = transcript(raw, new int[0]);
        assertTrue(whole.endsWith("end\n"), whole);
        for (int cut = 1; cut < raw.length; cut++) {
            assertEquals(whole, transcript(raw, new int[] {cut}), "split at " + cut);
        }
    }

    @ParameterizedTest
    @MethodSource("requests")
    void givesSameResultWhenFedOneByteAtATime(String request) {
        byte[] raw = request.getBytes(StandardCharsets.ISO_8859_1);
        int[] everyByte = IntStream.range(1, raw.length).toArray();
        assertEquals(transcript(raw, new int[0]), transcript(raw, everyByte));
    }

    @Test
    void decodesThreePipelinedRequestsFromOneBuffer() {
        String first = "GET /one HTTP/1.1\r\nHost: x\r\n\r\n";
        String second = "POST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc";
        String third = "POST /three HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n";
        byte[] raw = (first + second + third).getBytes(StandardCharsets.ISO_8859_1);
        String log = transcript(raw, new int[0]);
        String[] lines = log.split("\n");
        assertEquals(8, lines.length, log);
        assertTrue(lines[0].startsWith("GET /one HTTP/1.1"));
        assertEquals("end", lines[1]);
        assertTrue(lines[2].startsWith("POST /two HTTP/1.1"));
        assertEquals("body:abc", lines[3]);
        assertTrue(lines[5].startsWith("POST /three HTTP/1.1"));
        assertEquals("body:de", lines[6]);
        assertEquals("end", lines[7]);
        for (int cut = 1; cut < raw.length; cut++) {
            assertEquals(log, transcript(raw, new int[] {cut}), "split at " + cut);
        }
    }

    @Test
    void stopsExactlyAtTheEndOfTheHead() {
        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        ByteBuffer in = Wire.buffer("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /next");
        assertEquals(RequestDecoder.Result.HEAD_COMPLETE, decoder.decode(in));
        assertEquals("GET /next", StandardCharsets.ISO_8859_1.decode(in).toString());
    }

    @Test
    void refusesToContinueAfterCompletionOrFailureUntilReset() {
        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        decoder.decode(Wire.buffer("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertThrows(IllegalStateException.class, () -> decoder.decode(Wire.buffer("x")));
        decoder.reset();
        assertThrows(IllegalStateException.class, decoder::head);
        assertThrows(HttpException.class, () -> decoder.decode(Wire.buffer("GET / HTTP/1.1\r\n\r\n")));
        assertThrows(IllegalStateException.class, () -> decoder.decode(Wire.buffer("GET")));
        decoder.reset();
        assertEquals(RequestDecoder.Result.HEAD_COMPLETE,
                decoder.decode(Wire.buffer("GET /again HTTP/1.1\r\nHost: y\r\n\r\n")));
        assertEquals("y", decoder.head().host());
    }

    @Test
    void clearsThePreviousHeadOnReset() {
        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        decoder.decode(Wire.buffer("GET /a?q HTTP/1.1\r\nHost: x\r\nA: 1\r\nContent-Length: 3\r\n\r\n"));
        decoder.reset();
        decoder.decode(Wire.buffer("GET /b HTTP/1.0\r\n\r\n"));
        RequestHead head = decoder.head();
        assertEquals("/b", head.path());
        assertEquals(null, head.query());
        assertEquals(0, head.headers().size());
        assertEquals(null, head.host());
        assertEquals(BodyFraming.NONE, head.framing());
    }

    @Test
    void appliesLimitsWhenSplit() {
        RequestDecoder decoder = new RequestDecoder(Wire.limits(1024, 32, 10));
        decoder.decode(Wire.buffer("GET / HTTP/1.1\r\nHost: x\r\n"));
        decoder.decode(Wire.buffer("A: " + "b".repeat(10)));
        HttpException error = assertThrows(HttpException.class, () -> decoder.decode(Wire.buffer("c".repeat(20))));
        assertEquals(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, error.status());
    }
}
