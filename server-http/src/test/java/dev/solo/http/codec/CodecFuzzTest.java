package dev.solo.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.HttpLimits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input never breaks the codec: for random bytes and for mutations of valid requests (bit flips,
 * truncations, insertions, deletions, duplicated lines), decoding either yields a head and body or throws
 * {@link HttpException}; never another exception, and every call makes progress, so it cannot loop forever.
 *
 * <p>{@code -Dsolo.fuzz.cases=N} sets the number of cases (default 20,000; a nightly run can do millions),
 * {@code -Dsolo.fuzz.seed=S} the seed. A failure names the case and its bytes, so it can be replayed.
 */
class CodecFuzzTest {

    private static final int CASES = Integer.getInteger("solo.fuzz.cases", 20_000);
    private static final long SEED = Long.getLong("solo.fuzz.seed", 0x5010_C0DECL);

    private static final String[] VALID = {
        "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
        "GET /a/b/../c%20d?x=1&y=%C3%A9 HTTP/1.1\nHost: Example.com:8080\nAccept: */*\nConnection: close\n\n",
        "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\nExpect: 100-continue\r\n\r\na=1&b=2",
        "PUT /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;n=v\r\nwiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nT: 1\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: [::1]:80\r\n\r\n",
        "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
        "GET http://user@a.b/ HTTP/1.1\r\nHost: a.b\r\n\r\n",
        "\r\nGET /x HTTP/1.0\r\nConnection: keep-alive\r\nIf-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n"
                + "GET /y HTTP/1.1\r\nHost: y\r\nContent-Length: 2, 2\r\n\r\nzz",
    };
    private static final byte[] INTERESTING = " \t\r\n:;,=\"%/\\?#@[]0123456789abcdefABCDEF\u0000\u007f\u0080\u00ff"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void decodesOrRejectsEveryInputWithoutOtherFailures() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            byte[] input = i % 5 == 0 ? randomBytes(random) : mutate(random, VALID[random.nextInt(VALID.length)]);
            long splitSeed = random.nextLong();
            HttpLimits limits = random.nextInt(4) == 0 ? new HttpLimits(64, 96, 4, 16, 4, 16) : HttpLimits.DEFAULTS;
            try {
                feed(input, new Random(splitSeed), limits);
                cgiOutput(input);
            } catch (HttpException expected) {
                // a refusal is a valid outcome
            } catch (RuntimeException | AssertionError e) {
                fail("case " + i + " (seed " + SEED + ") failed on " + escape(input), e);
            }
        }
    }

    /** Plays the connection: random read sizes, heads, bodies, pipelined requests. */
    private static void feed(byte[] input, Random random, HttpLimits limits) {
        RequestDecoder decoder = new RequestDecoder(limits);
        BodyDecoder body = new BodyDecoder(limits);
        boolean inBody = false;
        int offset = 0;
        int steps = 0;
        while (offset < input.length) {
            int length = Math.min(input.length - offset, 1 + random.nextInt(40));
            ByteBuffer in = ByteBuffer.wrap(input, offset, length);
            offset += length;
            while (in.hasRemaining()) {
                assertTrue(++steps < 10 * input.length + 100, "no progress");
                if (!inBody) {
                    if (decoder.decode(in) == RequestDecoder.Result.NEED_MORE) {
                        assertFalse(in.hasRemaining(), "NEED_MORE must consume all input");
                        break;
                    }
                    RequestHead head = decoder.head();
                    checkHead(head);
                    body.start(head, limits.maxBodyBytes());
                    inBody = true;
                }
                int before = in.remaining();
                ByteBuffer slice;
                while ((slice = body.next(in)) != null) {
                    assertTrue(slice.hasRemaining(), "slices are never empty");
                    assertTrue(++steps < 10 * input.length + 100, "no progress");
                }
                if (!body.isComplete()) {
                    assertFalse(in.hasRemaining(), "an incomplete body must consume all input");
                    break;
                }
                assertTrue(in.remaining() <= before);
                decoder.reset();
                inBody = false;
            }
        }
    }

    /** What the server does next with a head must not fail in any other way either. */
    private static void checkHead(RequestHead head) {
        Headers headers = head.headers();
        for (int i = 0; i < headers.size(); i++) {
            String text = headers.name(i) + headers.value(i);
            assertTrue(text.indexOf('\r') < 0 && text.indexOf('\n') < 0 && text.indexOf('\0') < 0, text);
            HttpDate.parse(headers.value(i), 0);
        }
        if (head.host() != null) {
            assertEquals(head.host().toLowerCase(java.util.Locale.ROOT), head.host());
        }
        assertTrue(head.framing() != BodyFraming.LENGTH || head.contentLength() >= 0);
        String raw = head.path();
        try {
            String path = PathDecoder.decode(raw);
            assertTrue(path.startsWith("/") && !(path + "/").contains("/../") && path.indexOf('\\') < 0, path);
        } catch (HttpException refused) {
            // fine
        }
        if (head.query() != null) {
            try {
                PathDecoder.decodeQueryComponent(head.query());
            } catch (HttpException refused) {
                // fine
            }
        }
    }

    private static void cgiOutput(byte[] input) {
        HeaderLineParser parser = new HeaderLineParser(256, 8, true);
        ByteBuffer in = ByteBuffer.wrap(input);
        Headers headers = new Headers();
        if (!parser.parse(in, headers)) {
            assertFalse(in.hasRemaining());
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)]
                    : (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] mutate(Random random, String valid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = valid.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, bytes.length);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            bytes = out.toByteArray();
            out.reset();
            if (bytes.length == 0) {
                break;
            }
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0: // flip a bit
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    out.write(bytes, 0, bytes.length);
                    break;
                case 1: // replace with a byte that matters to the grammar
                    bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    out.write(bytes, 0, bytes.length);
                    break;
                case 2: // insert
                    out.write(bytes, 0, at);
                    out.write(INTERESTING[random.nextInt(INTERESTING.length)]);
                    out.write(bytes, at, bytes.length - at);
                    break;
                case 3: // delete
                    out.write(bytes, 0, at);
                    out.write(bytes, at + 1, bytes.length - at - 1);
                    break;
                case 4: // truncate
                    out.write(bytes, 0, at);
                    break;
                default: // duplicate the line around 'at' (duplicated headers, repeated request lines)
                    int start = at;
                    while (start > 0 && bytes[start - 1] != '\n') {
                        start--;
                    }
                    int end = at;
                    while (end < bytes.length && bytes[end] != '\n') {
                        end++;
                    }
                    end = Math.min(end + 1, bytes.length);
                    out.write(bytes, 0, end);
                    out.write(bytes, start, end - start);
                    out.write(bytes, end, bytes.length - end);
                    break;
            }
        }
        return out.toByteArray();
    }

    private static String escape(byte[] bytes) {
        StringBuilder text = new StringBuilder("\"");
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u >= 0x20 && u < 0x7F && u != '"' && u != '\\') {
                text.append((char) u);
            } else {
                text.append(String.format("\\u%04x", u));
            }
        }
        return text.append('"').toString();
    }
}
