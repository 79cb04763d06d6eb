package dev.solo.http.internal.upload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the header section of one multipart/form-data part says (RFC 7578 §4.2 - §4.4).
 *
 * @param name the form field name ({@code name} parameter); empty when the client left it out
 * @param fileName the file name the client sent, not yet sanitised: {@code filename*} when present and decodable
 *                 (RFC 8187), else {@code filename}; null for an ordinary field, empty when a file input was left
 *                 empty by the user
 * @param contentType the part's media type; {@code text/plain} when the part has none (RFC 7578 §4.4)
 */
record PartHeaders(String name, String fileName, String contentType) {

    /** The media type of a part without {@code Content-Type} (RFC 7578 §4.4). */
    static final String DEFAULT_CONTENT_TYPE = "text/plain";

    /** @return true when the part carries a file rather than an ordinary field value */
    boolean isFile() {
        return fileName != null;
    }

    /**
     * Parses a part's header section.
     *
     * @param block the header bytes, without the blank line that ends them
     * @param length how many bytes of {@code block} hold headers
     * @return the headers the server uses; others are ignored, as is the obsolete
     *         {@code Content-Transfer-Encoding} (RFC 7578 §4.7)
     * @throws MalformedMultipartException when a line is not a header field or {@code Content-Disposition} is
     *         missing or not {@code form-data}, which RFC 7578 §4.2 requires of every part
     */
    static PartHeaders parse(byte[] block, int length) throws MalformedMultipartException {
        // Browsers send non-ASCII file names as raw UTF-8 (RFC 7578 §5.1.1 allows it); broken sequences become
        // U+FFFD rather than failing the upload.
        String text = new String(block, 0, length, StandardCharsets.UTF_8);
        String disposition = null;
        String contentType = null;
        for (String field : unfold(text)) {
            int colon = field.indexOf(':');
            if (colon <= 0 || field.charAt(colon - 1) == ' ' || field.charAt(colon - 1) == '\t') {
                // RFC 9112 §5.1: no whitespace between field name and colon.
                throw new MalformedMultipartException("malformed part header");
            }
            String name = field.substring(0, colon);
            String value = field.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Disposition") && disposition == null) {
                disposition = value;
            } else if (name.equalsIgnoreCase("Content-Type") && contentType == null) {
                contentType = value;
            }
        }
        if (disposition == null) {
            throw new MalformedMultipartException("part without Content-Disposition");
        }
        HeaderParameters parsed = HeaderParameters.parse(disposition);
        if (!parsed.value().equals("form-data")) {
            throw new MalformedMultipartException("part disposition is not form-data");
        }
        Optional<String> extended = parsed.parameter("filename*").flatMap(HeaderParameters::decodeExtendedValue);
        String fileName = extended.orElse(parsed.parameters().get("filename"));
        return new PartHeaders(parsed.parameter("name").orElse(""), fileName,
                contentType == null || contentType.isEmpty() ? DEFAULT_CONTENT_TYPE : contentType);
    }

    /** Splits the block into field lines, joining obsolete continuation lines (RFC 9112 §5.2) with a space. */
    private static List<String> unfold(String text) {
        List<String> fields = new ArrayList<>();
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && !fields.isEmpty()) {
                int last = fields.size() - 1;
                fields.set(last, fields.get(last) + ' ' + line.trim());
            } else {
                fields.add(line);
            }
        }
        return fields;
    }
}
