package dev.solo.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One response as it came off the wire.
 *
 * @param status the status code
 * @param head the status line and header lines, without the empty line that ends them
 * @param headers each header line split at its first colon, value trimmed, in order
 * @param body the body, de-chunked
 */
public record RawResponse(int status, String head, List<Header> headers, byte[] body) {

    /**
     * Copies the lists.
     *
     * @param status the status code
     * @param head the head's text
     * @param headers the header fields
     * @param body the body
     */
    public RawResponse {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /**
     * @param name a header name, any case
     * @return its first value
     */
    public Optional<String> header(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals(lower)).map(Header::value)
                .findFirst();
    }

    /** @return the body as UTF-8 text */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return a copy of the body */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * One header field.
     *
     * @param name the name as sent
     * @param value the value, without surrounding whitespace
     */
    public record Header(String name, String value) {
    }
}
