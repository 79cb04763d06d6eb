package dev.solo.session.internal.store;

import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The text format of one session file, UTF-8, one field per line:
 * <pre>
 * solo-session 1
 * id Xq2...43 characters
 * created 1700000000000
 * accessed 1700000123456
 * attr user Ada+Lovelace
 * attr visits 3
 * </pre>
 * Attribute names are restricted to {@code [A-Za-z0-9_.-]} by {@link SessionData}, so they need no escaping; values
 * are {@code application/x-www-form-urlencoded}, so they hold no spaces or line breaks. Reading is strict: anything
 * unexpected makes the whole file corrupt, and the store then ignores it.
 */
final class SessionFileFormat {

    /** The first line: format name and version. */
    static final String MAGIC = "solo-session 1";

    private SessionFileFormat() {
    }

    /**
     * @param data the session
     * @param lastAccessedAt the access time to record
     * @return the file content
     */
    static byte[] write(SessionData data, long lastAccessedAt) {
        StringBuilder text = new StringBuilder(128).append(MAGIC).append('\n')
                .append("id ").append(data.id()).append('\n')
                .append("created ").append(data.createdAt()).append('\n')
                .append("accessed ").append(lastAccessedAt).append('\n');
        for (Map.Entry<String, String> attribute : data.attributes().entrySet()) {
            text.append("attr ").append(attribute.getKey()).append(' ')
                    .append(URLEncoder.encode(attribute.getValue(), StandardCharsets.UTF_8)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param content the file content
     * @return the session it describes
     * @throws IllegalArgumentException when the content is not a valid session file; the message says why
     */
    static SessionData read(byte[] content) {
        String text = decodeUtf8(content);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("truncated");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 4 || !lines[0].equals(MAGIC)) {
            throw new IllegalArgumentException("not a session file");
        }
        String id = field(lines[1], "id");
        if (!SessionIds.isWellFormed(id)) {
            throw new IllegalArgumentException("bad id");
        }
        SessionData data = new SessionData(id, number(field(lines[2], "created")), number(field(lines[3], "accessed")));
        for (int i = 4; i < lines.length; i++) {
            String attribute = field(lines[i], "attr");
            int space = attribute.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("bad attribute line");
            }
            // Throws IllegalArgumentException for a bad name, a bad escape or too much data: all mean corrupt.
            data.attribute(attribute.substring(0, space),
                    URLDecoder.decode(attribute.substring(space + 1), StandardCharsets.UTF_8));
        }
        return data;
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new IllegalArgumentException("expected '" + name + "'");
        }
        return line.substring(name.length() + 1);
    }

    private static long number(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("bad time");
        }
        return Long.parseLong(text);
    }

    private static String decodeUtf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }
}
