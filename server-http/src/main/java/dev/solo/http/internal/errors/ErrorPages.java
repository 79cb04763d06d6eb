package dev.solo.http.internal.errors;

import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.VirtualServer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error responses: the location's {@code error_page} file when one is configured and readable, served with the
 * original status; otherwise the built-in page. A custom page that is missing falls back to the built-in one, so an
 * error never loops and never turns into a 200.
 */
public final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private ErrorPages() {
    }

    /**
     * @param status the error status
     * @param location the location that matched, or null when the request never reached one
     * @param server the virtual server, or null before the host was known
     * @return the response to send
     */
    public static Response render(Status status, RouteLocation location, VirtualServer server) {
        Optional<Response> custom = custom(status, location, server);
        return custom.orElseGet(() -> BuiltInErrorPage.render(status));
    }

    private static Optional<Response> custom(Status status, RouteLocation location, VirtualServer server) {
        RouteLocation source = location != null ? location
                : server != null ? server.locations().match("/") : null;
        if (source == null || server == null) {
            return Optional.empty();
        }
        Optional<String> uri = source.errorPage(status.code());
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        RouteLocation target = server.locations().match(uri.get());
        Optional<Path> file = target == null ? Optional.empty() : target.resolve(uri.get());
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            LOG.warn("error page {} for status {} is missing; using the built-in page", uri.get(), status.code());
            return Optional.empty();
        }
        try {
            FileChannel channel = FileChannel.open(file.get(), StandardOpenOption.READ);
            long size = channel.size();
            return Optional.of(Response.of(status).header("Content-Type", "text/html; charset=utf-8")
                    .file(channel, 0, size));
        } catch (IOException e) {
            LOG.warn("error page {} cannot be read ({}); using the built-in page", file.get(), e.toString());
            return Optional.empty();
        }
    }
}
