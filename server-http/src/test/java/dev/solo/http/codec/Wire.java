package dev.solo.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.HttpException;
import dev.solo.http.HttpLimits;
import dev.solo.http.Status;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/** Test helpers: building raw requests and feeding them to the codec the way a connection does. */
final class Wire {

    private Wire() {
    }

    /** The two line terminators every head test runs with (RFC 9112 §2.2). */
    static Stream<String> eols() {
        return Stream.of("\r\n", "\n");
    }

    /** @return the lines joined with {@code eol}, each terminated, plus the empty line that ends a head */
    static String head(String eol, String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append(eol);
        }
        return text.append(eol).toString();
    }

    static ByteBuffer buffer(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Decodes a head that must be complete in one buffer. */
    static RequestHead decode(String raw) {
        return decode(raw, HttpLimits.DEFAULTS);
    }

    static RequestHead decode(String raw, HttpLimits limits) {
        RequestDecoder decoder = new RequestDecoder(limits);
        ByteBuffer in = buffer(raw);
        assertEquals(RequestDecoder.Result.HEAD_COMPLETE, decoder.decode(in));
        return decoder.head();
    }

    /** Asserts that decoding fails with {@code status} and closes the connection. */
    static HttpException rejects(Status status, String raw) {
        return rejects(status, raw, HttpLimits.DEFAULTS);
    }

    static HttpException rejects(Status status, String raw, HttpLimits limits) {
        RequestDecoder decoder = new RequestDecoder(limits);
        HttpException error = assertThrows(HttpException.class, () -> decoder.decode(buffer(raw)));
        assertEquals(status, error.status(), error.safeMessage());
        assertTrue(error.closeConnection(), "codec errors close the connection");
        return error;
    }

    /** Reads the whole body that follows the head in {@code in}; asserts that it is complete. */
    static String body(RequestHead head, ByteBuffer in) {
        BodyDecoder body = new BodyDecoder(HttpLimits.DEFAULTS);
        body.start(head.framing(), head.contentLength());
        String content = drain(body, in);
        assertTrue(body.isComplete(), "body complete");
        return content;
    }

    /** Collects all content currently available. */
    static String drain(BodyDecoder body, ByteBuffer in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer slice;
        while ((slice = body.next(in)) != null) {
            byte[] bytes = new byte[slice.remaining()];
            slice.get(bytes);
            out.write(bytes, 0, bytes.length);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** What a connection gets out of a stream of bytes: heads and bodies of all requests. */
    static String transcript(byte[] raw, int[] cuts) {
        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        BodyDecoder body = new BodyDecoder(HttpLimits.DEFAULTS);
        StringBuilder log = new StringBuilder();
        StringBuilder content = new StringBuilder();
        int from = 0;
        boolean inBody = false;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : raw.length;
            ByteBuffer in = ByteBuffer.wrap(raw, from, to - from);
            from = to;
            while (in.hasRemaining()) {
                if (!inBody) {
                    if (decoder.decode(in) == RequestDecoder.Result.NEED_MORE) {
                        assertFalse(in.hasRemaining(), "NEED_MORE consumes all input");
                        break;
                    }
                    RequestHead head = decoder.head();
                    log.append(describe(head)).append('\n');
                    body.start(head.framing(), head.contentLength());
                    inBody = true;
                }
                content.append(drain(body, in));
                if (!body.isComplete()) {
                    assertFalse(in.hasRemaining(), "body waits only when the input is exhausted");
                    break;
                }
                if (content.length() > 0) {
                    log.append("body:").append(content).append('\n');
                    content.setLength(0);
                }
                log.append("end\n");
                decoder.reset();
                inBody = false;
            }
        }
        return log.toString();
    }

    /** A one-line summary of everything the decoder derives from a head. */
    static String describe(RequestHead head) {
        StringBuilder text = new StringBuilder();
        text.append(head.methodToken()).append(' ').append(head.rawTarget()).append(' ').append(head.version())
                .append(" path=").append(head.path()).append(" query=").append(head.query())
                .append(" host=").append(head.host()).append(':').append(head.port())
                .append(" framing=").append(head.framing()).append('/').append(head.contentLength())
                .append(" keepAlive=").append(head.keepAlive())
                .append(" continue=").append(head.expectsContinue());
        for (int i = 0; i < head.headers().size(); i++) {
            text.append(" [").append(head.headers().name(i)).append('=').append(head.headers().value(i)).append(']');
        }
        return text.toString();
    }

    static HttpLimits limits(int line, int headers, int count) {
        return new HttpLimits(line, headers, count, 1024 * 1024, 1024, 8 * 1024);
    }
}
