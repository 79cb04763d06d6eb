package dev.solo.http.internal.connection;

import dev.solo.http.Request;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log in the combined log format (plus the TLS protocol and cipher for HTTPS requests), on its own logger
 * {@code dev.solo.access} so it can be routed to a file or turned off in logback.xml. Nothing is formatted unless
 * {@code access_log on;} and the logger is enabled. What the client chose (target, Referer, User-Agent) is escaped as
 * nginx escapes it, so it cannot forge fields or lines.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.solo.access");

    /** The log's time format, in a holder class: made with the first line, not at start-up when the log is off. */
    private static final class Clf {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final boolean enabled;

    AccessLog(boolean enabled) {
        this.enabled = enabled;
    }

    void log(Request request, int status, long bytes, long wallMillis) {
        if (!enabled || !LOG.isInfoEnabled()) {
            return;
        }
        String referer = request.headers().get("Referer");
        String agent = request.headers().get("User-Agent");
        String address = request.remoteAddress().getAddress().getHostAddress();
        String time = Clf.FORMAT.format(Instant.ofEpochMilli(wallMillis));
        String target = escape(request.target());
        String refererField = referer == null ? "-" : escape(referer);
        String agentField = agent == null ? "-" : escape(agent);
        if (request.tls() != null) {
            // Over HTTPS the combined format gets nginx's $ssl_protocol and $ssl_cipher as two more fields.
            LOG.info("{} - - [{}] \"{} {} {}\" {} {} \"{}\" \"{}\" {} {}", address, time, request.methodToken(), target,
                    request.version(), status, bytes, refererField, agentField, request.tls().protocol(),
                    request.tls().cipher());
            return;
        }
        LOG.info("{} - - [{}] \"{} {} {}\" {} {} \"{}\" \"{}\"", address, time, request.methodToken(), target,
                request.version(), status, bytes, refererField, agentField);
    }

    /**
     * Escapes what the client wrote as nginx does in its access log: {@code "}, {@code \}, control characters and
     * bytes above 0x7E become {@code \xHH}, so a value can neither close its quoted field nor start a new line, and
     * a reader can tell an escape from the same text sent literally.
     *
     * @param text a value as received (header values are ISO-8859-1, one character per byte)
     * @return the text, escaped; the same instance when nothing needed escaping
     */
    static String escape(String text) {
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                // Characters above 0xFF cannot come from the wire; their low byte is enough to show they were there.
                out.append("\\x").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c > 0x7E || c == '"' || c == '\\';
    }
}
