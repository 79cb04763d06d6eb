package dev.solo.http.internal.connection;

import dev.solo.http.Request;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log in the combined log format (plus the TLS protocol and cipher for HTTPS requests), on its own logger {@code dev.solo.access} so it can be routed to a file
 * or turned off in logback.xml. Nothing is formatted unless {@code access_log on;} and the logger is enabled.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.solo.access");

    /** The log's time format, in a holder class: made with the first line, not at start-up when the log is off. */
    private static final class Clf {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    }

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
        if (request.tls() != null) {
            // Over HTTPS the combined format gets nginx's $ssl_protocol and $ssl_cipher as two more fields.
            LOG.info("{} - - [{}] \"{} {} {}\" {} {} \"{}\" \"{}\" {} {}",
                    request.remoteAddress().getAddress().getHostAddress(),
                    Clf.FORMAT.format(Instant.ofEpochMilli(wallMillis)), request.methodToken(), request.target(),
                    request.version(), status, bytes, referer == null ? "-" : referer, agent == null ? "-" : agent,
                    request.tls().protocol(), request.tls().cipher());
            return;
        }
        LOG.info("{} - - [{}] \"{} {} {}\" {} {} \"{}\" \"{}\"", request.remoteAddress().getAddress().getHostAddress(),
                Clf.FORMAT.format(Instant.ofEpochMilli(wallMillis)), request.methodToken(), request.target(),
                request.version(), status, bytes, referer == null ? "-" : referer, agent == null ? "-" : agent);
    }
}
