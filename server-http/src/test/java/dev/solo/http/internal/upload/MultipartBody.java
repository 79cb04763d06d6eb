package dev.solo.http.internal.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multipart/form-data bodies the way browsers and curl send them (RFC 7578, RFC 2046 §5.1.1). */
final class MultipartBody {

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean first = true;

    MultipartBody(String boundary) {
        this.boundary = boundary;
    }

    /** @return the Content-Type value announcing this body */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    MultipartBody preamble(String text) {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    MultipartBody file(String field, String fileName, String contentType, byte[] content) {
        return part("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n"), content);
    }

    MultipartBody field(String field, String value) {
        return part("Content-Disposition: form-data; name=\"" + field + "\"\r\n",
                value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param headerLines header fields, each ending in CRLF, in UTF-8
     * @param content the part's content
     * @return this
     */
    MultipartBody part(String headerLines, byte[] content) {
        write(((first ? "" : "\r\n") + "--" + boundary + "\r\n" + headerLines + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        write(content);
        first = false;
        return this;
    }

    /** @return the body so far, without the close delimiter */
    byte[] unclosed() {
        return out.toByteArray();
    }

    /**
     * @param epilogue text after the close delimiter line, or null for none (and no CRLF after it)
     * @return the whole body
     */
    byte[] close(String epilogue) {
        write(((first ? "" : "\r\n") + "--" + boundary + "--" + (epilogue == null ? "" : "\r\n" + epilogue))
                .getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** @return the whole body, ending with the close delimiter and CRLF */
    byte[] close() {
        return close("");
    }

    private void write(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }
}
