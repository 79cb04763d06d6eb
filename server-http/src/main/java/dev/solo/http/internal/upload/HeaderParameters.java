package dev.solo.http.internal.upload;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A header value with parameters, such as {@code multipart/form-data; boundary=xyz} (RFC 9110 §5.6.6) or
 * {@code form-data; name="f"; filename="a.txt"} (RFC 6266 §4.1, as used by RFC 7578 §4.2).
 *
 * <p>Parsing is lenient where real clients differ from the grammar and the leniency cannot be abused: a backslash in a
 * quoted string escapes only {@code "} and {@code \}, because browsers send Windows paths such as
 * {@code "C:\dir\a.txt"} unescaped (the path is then stripped by {@link FileNames}); an unterminated quoted string
 * ends at the end of the value; empty parameters ({@code ;;}) are skipped. The first occurrence of a parameter wins.
 *
 * @param value the value before the first {@code ;}, trimmed and in lower case (a media type or disposition type)
 * @param parameters parameter names in lower case, mapped to their values with quotes and escapes removed
 */
record HeaderParameters(String value, Map<String, String> parameters) {

    /** Copies the map so the record stays immutable. */
    HeaderParameters {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * @param name a parameter name, in lower case
     * @return its value, if present
     */
    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /**
     * Parses a header value.
     *
     * @param header the field value
     * @return the value and its parameters
     */
    static HeaderParameters parse(String header) {
        int semicolon = header.indexOf(';');
        String value = (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = semicolon < 0 ? header.length() : semicolon + 1;
        while (i < header.length()) {
            i = skipWhitespace(header, i);
            int nameEnd = i;
            while (nameEnd < header.length() && "=;".indexOf(header.charAt(nameEnd)) < 0) {
                nameEnd++;
            }
            String name = header.substring(i, nameEnd).trim().toLowerCase(Locale.ROOT);
            if (nameEnd >= header.length() || header.charAt(nameEnd) == ';') {
                // A parameter without '=' carries nothing we use: skip it.
                i = nameEnd + 1;
                continue;
            }
            int valueStart = skipWhitespace(header, nameEnd + 1);
            StringBuilder parameterValue = new StringBuilder();
            i = valueStart < header.length() && header.charAt(valueStart) == '"'
                    ? readQuoted(header, valueStart + 1, parameterValue)
                    : readToken(header, valueStart, parameterValue);
            if (!name.isEmpty()) {
                parameters.putIfAbsent(name, parameterValue.toString());
            }
            // Skip whatever follows a quoted string up to the next parameter.
            while (i < header.length() && header.charAt(i) != ';') {
                i++;
            }
            i++;
        }
        return new HeaderParameters(value, parameters);
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int readQuoted(String text, int from, StringBuilder out) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                out.append(text.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return i;
    }

    private static int readToken(String text, int from, StringBuilder out) {
        int end = text.indexOf(';', from);
        if (end < 0) {
            end = text.length();
        }
        out.append(text, from, end);
        int length = out.length();
        while (length > 0 && (out.charAt(length - 1) == ' ' || out.charAt(length - 1) == '\t')) {
            length--;
        }
        out.setLength(length);
        return end;
    }

    /**
     * Decodes an extended parameter value, {@code charset'language'percent-encoded} (RFC 8187 §3.2.1, which
     * replaced RFC 5987), as sent in {@code filename*=UTF-8''na%C3%AFve.txt}.
     *
     * @param extValue the parameter value
     * @return the decoded text, or empty when the charset is neither UTF-8 nor ISO-8859-1 (the two RFC 8187 §3.2.1
     *         requires) or the value is malformed; callers then fall back to the plain parameter
     */
    static Optional<String> decodeExtendedValue(String extValue) {
        int firstQuote = extValue.indexOf('\'');
        int secondQuote = firstQuote < 0 ? -1 : extValue.indexOf('\'', firstQuote + 1);
        if (secondQuote < 0) {
            return Optional.empty();
        }
        String charsetName = extValue.substring(0, firstQuote);
        Charset charset;
        if (charsetName.equalsIgnoreCase("UTF-8")) {
            charset = StandardCharsets.UTF_8;
        } else if (charsetName.equalsIgnoreCase("ISO-8859-1")) {
            charset = StandardCharsets.ISO_8859_1;
        } else {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = extValue.substring(secondQuote + 1);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return Optional.empty();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > ' ' && c < 0x7f) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
