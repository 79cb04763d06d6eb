package dev.solo.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.HttpLimits;
import dev.solo.http.Method;
import dev.solo.http.Status;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The codec needs no server: bytes in, request out; response head out as bytes. */
class StandaloneCodecTest {

    @Test
    void parsesARawRequestAndWritesAResponseWithoutAnyServer() {
        byte[] wire = ("POST /files/../upload/%C3%A9t%C3%A9.txt?overwrite=yes+please HTTP/1.1\r\n"
                + "Host: Files.Example.org\r\n"
                + "Content-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "\r\n"
                + "6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        ByteBuffer in = ByteBuffer.wrap(wire);
        assertEquals(RequestDecoder.Result.HEAD_COMPLETE, decoder.decode(in));
        RequestHead head = decoder.head();
        assertEquals(Method.POST, head.method());
        assertEquals("files.example.org", head.host());
        assertEquals("/upload/\u00e9t\u00e9.txt", PathDecoder.decode(head.path()));
        assertEquals("overwrite=yes+please", head.query());
        assertEquals("yes please", PathDecoder.decodeQueryComponent(head.query().substring("overwrite=".length())));
        assertEquals(BodyFraming.CHUNKED, head.framing());

        BodyDecoder body = new BodyDecoder(HttpLimits.DEFAULTS);
        body.start(head, 1024);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteBuffer slice;
        while ((slice = body.next(in)) != null) {
            content.write(slice.array(), slice.arrayOffset() + slice.position(), slice.remaining());
        }
        assertTrue(body.isComplete());
        assertEquals("hello world", content.toString(StandardCharsets.ISO_8859_1));
        assertEquals(0, in.remaining());

        Headers headers = new Headers()
                .set(HeaderName.DATE, new DateCache().format(784_111_777_000L))
                .set(HeaderName.CONTENT_LENGTH, "0");
        ByteBuffer out = ByteBuffer.allocate(ResponseHeadEncoder.encodedLength(Status.CREATED, headers));
        ResponseHeadEncoder.encode(Status.CREATED, headers, out);
        assertEquals("HTTP/1.1 201 Created\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 0\r\n\r\n",
                new String(out.array(), StandardCharsets.ISO_8859_1));
    }
}
