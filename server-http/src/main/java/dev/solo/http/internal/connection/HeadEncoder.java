package dev.solo.http.internal.connection;

import dev.solo.http.Headers;
import dev.solo.http.Status;
import dev.solo.http.codec.DateCache;
import dev.solo.http.codec.ResponseHeadEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Adds the server's own fields to a response head ({@code Date}, formatted once per second, and {@code Server}) and
 * encodes it with the codec's {@link ResponseHeadEncoder}, which refuses values that would inject a header.
 */
final class HeadEncoder {

    /** Sent before the final response when the client asked for {@code Expect: 100-continue} (RFC 9110 §10.1.1). */
    static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final DateCache dates = new DateCache();

    /**
     * @param status the status
     * @param headers the response's fields; Date and Server are set here
     * @param wallMillis the loop's wall clock
     * @return the encoded head, ready to read
     */
    ByteBuffer encode(Status status, Headers headers, long wallMillis) {
        headers.set("Date", dates.format(wallMillis));
        headers.set("Server", "Solo");
        return ResponseHeadEncoder.encode(status, headers);
    }
}
