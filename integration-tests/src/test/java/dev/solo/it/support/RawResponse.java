package dev.solo.it.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One response as it came off the wire: status line, header fields in order, the body with its framing removed
 * (Content-Length, chunked, or up to the close) and, for a chunked body, its trailer fields.
 */
public final class RawResponse {

    private final String version;
    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final List<Map.Entry<String, String>> trailers;

    RawResponse(String version, int status, String reason, List<Map.Entry<String, String>> headers, byte[] body,
            List<Map.Entry<String, String>> trailers) {
        this.version = version;
        this.status = status;
        this.reason = reason;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.trailers = List.copyOf(trailers);
    }

    /** @return the HTTP-version of the status line, e.g. {@code HTTP/1.1} */
    public String version() {
        return version;
    }

    /** @return the status code */
    public int status() {
        return status;
    }

    /** @return the reason phrase, possibly empty */
    public String reason() {
        return reason;
    }

    /** @return the header fields as sent, in order */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /**
     * @param name a field name, any case
     * @return the first value of that field, or null when absent
     */
    public String header(String name) {
        return first(headers, name);
    }

    /**
     * @param name a field name, any case
     * @return every value of that field, in order
     */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> field : headers) {
            if (field.getKey().equalsIgnoreCase(name)) {
                values.add(field.getValue());
            }
        }
        return values;
    }

    /**
     * @param name a field name
     * @return whether the field is present
     */
    public boolean hasHeader(String name) {
        return header(name) != null;
    }

    /**
     * @param token a connection option such as {@code close}
     * @return whether a {@code Connection} field lists it (case-insensitive)
     */
    public boolean connectionHas(String token) {
        for (String value : headers("Connection")) {
            for (String member : value.split(",")) {
                if (member.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the body bytes, framing removed */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body decoded as UTF-8 */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the trailer fields of a chunked body, empty otherwise */
    public List<Map.Entry<String, String>> trailers() {
        return trailers;
    }

    /** @return whether this is an interim (1xx) response */
    public boolean isInterim() {
        return status >= 100 && status < 200;
    }

    private static String first(List<Map.Entry<String, String>> fields, String name) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /** @return status line, headers and the start of the body, for assertion messages */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(version).append(' ').append(status).append(' ').append(reason).append('\n');
        for (Map.Entry<String, String> field : headers) {
            out.append(field.getKey()).append(": ").append(field.getValue()).append('\n');
        }
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
        out.append("\n").append(text);
        if (body.length > 300) {
            out.append("... (").append(body.length).append(" bytes)");
        }
        return out.toString();
    }
}
