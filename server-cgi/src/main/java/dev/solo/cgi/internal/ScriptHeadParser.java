package dev.solo.cgi.internal;

import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.Status;
import dev.solo.http.codec.HeaderLineParser;
import dev.solo.http.codec.PathDecoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the header block at the start of a script's output, resumably, and interprets it (RFC 3875 §6).
 *
 * <p>Lines may end in LF or CRLF (§6.1: "the NL ... may be CR LF or LF"), lines are checked like request header lines
 * (so a script cannot inject a header with a stray CR), and the block must fit in {@value #MAX_HEAD_BYTES} bytes so
 * that a script printing garbage without a blank line cannot grow memory. One instance per script run.
 */
final class ScriptHeadParser {

    /** The largest header block accepted, blank line included. */
    public static final int MAX_HEAD_BYTES = 16 * 1024;
    /** The most header lines accepted. */
    public static final int MAX_FIELDS = 128;
    /** The header through which a script sets session attributes; never sent to the client. */
    public static final String SESSION_SET = "X-Solo-Session-Set";

    /**
     * Fields the server owns or that describe one connection (RFC 9110 §7.6.1), dropped from the script's block
     * (lower case). The server frames the body itself, so the script's Content-Length is not trusted either.
     */
    private static final Set<String> DROPPED = Set.of("status", SESSION_SET.toLowerCase(Locale.ROOT),
            "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
            "content-length", "date", "server");

    /** RFC 3986 §3.4 query characters besides letters, digits and escapes: unreserved, sub-delims, ":@/?". */
    private static final String QUERY_CHARS = "-._~!$&'()*+,;=:@/?";

    private final HeaderLineParser lines = new HeaderLineParser(MAX_HEAD_BYTES, MAX_FIELDS, true);
    private final Headers fields = new Headers();
    /** The last call left an unfinished line in the caller's buffer. */
    private boolean partialLine;

    /** Creates a parser for one script's output. */
    public ScriptHeadParser() {
    }

    /**
     * Consumes the complete header lines of the output. A line still missing its LF is left in {@code in}: the
     * caller keeps it and calls again with more output appended, so each byte is counted against the limit once,
     * however the pipe splits the block (a 12 KiB field read in two pieces fits in 16 KiB as it does in one).
     *
     * @param in output bytes; its position advances past the lines taken and stops at the body's first byte, or at
     *           the start of an unfinished line
     * @return the head once the blank line was read, else null (call again with more output)
     * @throws ScriptOutputException when the block is malformed, too large, or asks for nothing
     */
    public ScriptHead parse(ByteBuffer in) throws ScriptOutputException {
        int end = afterLastLf(in);
        if (end >= 0) {
            ByteBuffer complete = in.duplicate().limit(end);
            boolean done;
            try {
                done = lines.parse(complete, fields);
            } catch (HttpException e) {
                throw new ScriptOutputException("invalid header block: " + e.safeMessage());
            }
            in.position(complete.position());
            if (done) {
                return interpret(fields);
            }
        }
        partialLine = in.hasRemaining();
        if (lines.bytesRead() + in.remaining() >= MAX_HEAD_BYTES) {
            // Even its LF and the blank line could no longer fit.
            throw new ScriptOutputException("invalid header block: larger than " + MAX_HEAD_BYTES + " bytes");
        }
        return null;
    }

    /** @return the index after the last LF in the buffer's remaining bytes, or -1 when there is none */
    private static int afterLastLf(ByteBuffer in) {
        for (int i = in.limit() - 1; i >= in.position(); i--) {
            if (in.get(i) == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** @return true when some header bytes were read, or are waiting for their line's end, but the block is open */
    public boolean inProgress() {
        return lines.inProgress() || partialLine;
    }

    static ScriptHead interpret(Headers fields) throws ScriptOutputException {
        Status status = status(fields);
        String location = single(fields, "Location");
        if (location != null && location.isEmpty()) {
            throw new ScriptOutputException("empty Location");
        }
        if (status == null && location == null && !fields.contains("Content-Type")) {
            // §6.2: every response has at least one of Content-Type, Location or Status.
            throw new ScriptOutputException("no Content-Type, Location or Status in the header block");
        }
        List<ScriptHead.SessionUpdate> updates = sessionUpdates(fields);
        Headers forward = new Headers();
        for (int i = 0; i < fields.size(); i++) {
            if (!DROPPED.contains(fields.name(i).toLowerCase(Locale.ROOT))) {
                forward.add(fields.name(i), fields.value(i));
            }
        }
        if (location != null && status == null) {
            if (isLocalPath(location)) {
                checkLocalTarget(location);
                return new ScriptHead(ScriptHead.Kind.LOCAL_REDIRECT, Status.OK, new Headers(), location, updates);
            }
            // §6.2.3: a client redirect without a status is a 302.
            return new ScriptHead(ScriptHead.Kind.CLIENT_REDIRECT, Status.FOUND, forward, location, updates);
        }
        return new ScriptHead(ScriptHead.Kind.DOCUMENT, status == null ? Status.OK : status, forward, location,
                updates);
    }

    /** §6.3.3: {@code Status: 3DIGIT [SP reason-phrase]}; only final statuses make sense for a whole response. */
    private static Status status(Headers fields) throws ScriptOutputException {
        String value = single(fields, "Status");
        if (value == null) {
            return null;
        }
        boolean digits = value.length() >= 3 && Character.isDigit(value.charAt(0))
                && Character.isDigit(value.charAt(1)) && Character.isDigit(value.charAt(2))
                && (value.length() == 3 || value.charAt(3) == ' ');
        if (!digits) {
            throw new ScriptOutputException("invalid Status '" + value + "'");
        }
        int code = Integer.parseInt(value.substring(0, 3));
        if (code < 200 || code > 599) {
            throw new ScriptOutputException("Status " + code + " is not a final status");
        }
        return Status.of(code);
    }

    private static String single(Headers fields, String name) throws ScriptOutputException {
        int count = fields.count(name);
        if (count > 1) {
            throw new ScriptOutputException("more than one " + name + " field");
        }
        return count == 0 ? null : fields.get(name);
    }

    /** §6.2.2 local-pathquery: an absolute path; {@code //host} would be a network-path reference, not local. */
    private static boolean isLocalPath(String location) {
        return location.startsWith("/") && !location.startsWith("//");
    }

    /**
     * A local redirect is served as if the client had asked for it, so its target must be a request target the server
     * would accept: a path that {@link PathDecoder} takes (no {@code ..} above the root, no encoded slash, valid
     * escapes) and a query of RFC 3986 §3.4 characters. Anything else is the script's fault, a 502, not a 400 for a
     * client that sent nothing wrong.
     */
    private static void checkLocalTarget(String location) throws ScriptOutputException {
        int q = location.indexOf('?');
        try {
            PathDecoder.decode(q < 0 ? location : location.substring(0, q));
        } catch (HttpException e) {
            throw new ScriptOutputException("invalid local redirect '" + location + "': " + e.safeMessage());
        }
        for (int i = q + 1; q >= 0 && i < location.length(); i++) {
            char c = location.charAt(i);
            boolean escape = c == '%' && i + 2 < location.length() && isHex(location.charAt(i + 1))
                    && isHex(location.charAt(i + 2));
            if (!escape && (c > 0x7e || QUERY_CHARS.indexOf(c) < 0 && !Character.isLetterOrDigit(c))) {
                throw new ScriptOutputException("invalid local redirect '" + location + "': bad query character");
            }
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * {@code X-Solo-Session-Set: name=value} sets an attribute; {@code name=} (empty value) removes it. Malformed
     * requests are ignored with no harm to the response.
     */
    private static List<ScriptHead.SessionUpdate> sessionUpdates(Headers fields) {
        List<ScriptHead.SessionUpdate> updates = new ArrayList<>();
        for (String value : fields.getAll(SESSION_SET)) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = value.substring(0, equals).trim();
            String attribute = value.substring(equals + 1);
            if (!name.isEmpty()) {
                updates.add(new ScriptHead.SessionUpdate(name, attribute.isEmpty() ? null : attribute));
            }
        }
        return updates;
    }
}
