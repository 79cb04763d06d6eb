package dev.solo.it.features.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@code multipart/form-data} request body (RFC 7578) of file parts and text fields, streamed: file contents are
 * {@link GeneratedContent}, read only while the request is being sent.
 *
 * <pre>{@code
 * MultipartBody form = MultipartBody.create()
 *         .file("files", "a.bin", GeneratedContent.of(1, 1024))
 *         .field("note", "hello");
 * HttpRequest request = Http.request(uri).header("Content-Type", form.contentType())
 *         .POST(form.withContentLength()).build();
 * }</pre>
 */
public final class MultipartBody {

    /** A boundary no generated content is likely to contain (RFC 2046 §5.1.1: at most 70 characters). */
    private static final String BOUNDARY = "solo-it-boundary-7f3a9c0e5b1d";

    private final List<Part> parts = new ArrayList<>();

    private MultipartBody() {
    }

    /** @return an empty form */
    public static MultipartBody create() {
        return new MultipartBody();
    }

    /**
     * Adds a file part.
     *
     * @param field the form field name
     * @param fileName the {@code filename} parameter
     * @param content the file's bytes
     * @return this form
     */
    public MultipartBody file(String field, String fileName, GeneratedContent content) {
        String head = "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n";
        parts.add(new Part(head, content::stream, content.length()));
        return this;
    }

    /**
     * Adds a text field.
     *
     * @param field the field name
     * @param value its value, sent as UTF-8
     * @return this form
     */
    public MultipartBody field(String field, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        parts.add(new Part("Content-Disposition: form-data; name=\"" + field + "\"\r\n",
                () -> new ByteArrayInputStream(bytes), bytes.length));
        return this;
    }

    /** @return the {@code Content-Type} value, with the boundary */
    public String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** @return the body's length in bytes */
    public long length() {
        long length = 0;
        for (int i = 0; i < parts.size(); i++) {
            length += bytes(delimiterAndHead(i)).length + parts.get(i).length();
        }
        return length + bytes(closeDelimiter()).length;
    }

    /** @return a fresh stream of the whole body */
    public InputStream stream() {
        List<InputStream> pieces = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            pieces.add(new ByteArrayInputStream(bytes(delimiterAndHead(i))));
            pieces.add(parts.get(i).content().get());
        }
        pieces.add(new ByteArrayInputStream(bytes(closeDelimiter())));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    /** @return the body with {@code Content-Length} */
    public HttpRequest.BodyPublisher withContentLength() {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::stream),
                length());
    }

    /** @return the body with chunked transfer coding */
    public HttpRequest.BodyPublisher chunked() {
        return HttpRequest.BodyPublishers.ofInputStream(this::stream);
    }

    /** As browsers send it: the first delimiter starts the body, each later one follows the CRLF ending content. */
    private String delimiterAndHead(int index) {
        return (index == 0 ? "" : "\r\n") + "--" + BOUNDARY + "\r\n" + parts.get(index).head() + "\r\n";
    }

    private static String closeDelimiter() {
        return "\r\n--" + BOUNDARY + "--\r\n";
    }

    /** Part headers go as UTF-8, as browsers send a file name (RFC 7578 §4.2 allows it). */
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Part(String head, Supplier<InputStream> content, long length) {
    }
}
