package dev.solo.http.internal.files;

import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.HttpException;
import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Serves files under the location's root or alias: GET and HEAD, index files, directory listings, validators and
 * conditional requests (304), single byte ranges (206/416). Bodies go out with {@code sendfile}. It takes every
 * request that reaches it, so it ends each location's handler chain.
 */
final class StaticFileHandler implements Handler {

    private final MimeTypes mimeTypes;

    StaticFileHandler(MimeTypes mimeTypes) {
        this.mimeTypes = mimeTypes;
    }

    @Override
    public boolean handle(Exchange exchange) throws IOException {
        Request request = exchange.request();
        if (request.method() != Method.GET && request.method() != Method.HEAD) {
            exchange.sendError(HttpException.methodNotAllowed("GET, HEAD, OPTIONS"));
            return true;
        }
        Location location = exchange.location();
        Optional<Path> mapped = location.resolve(request.path());
        if (mapped.isEmpty()) {
            exchange.sendError(location.root().isPresent() ? Status.FORBIDDEN : Status.NOT_FOUND);
            return true;
        }
        Path path = mapped.get();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            exchange.sendError(Status.NOT_FOUND);
            return true;
        } catch (AccessDeniedException e) {
            exchange.sendError(Status.FORBIDDEN);
            return true;
        }
        if (attributes.isDirectory()) {
            serveDirectory(exchange, path);
        } else if (attributes.isRegularFile()) {
            serveFile(exchange, path, attributes);
        } else {
            exchange.sendError(Status.FORBIDDEN);
        }
        return true;
    }

    private void serveDirectory(Exchange exchange, Path directory) throws IOException {
        Request request = exchange.request();
        if (!request.path().endsWith("/")) {
            // Relative links inside the page need the trailing slash, as nginx does it.
            String location = request.rawPath() + "/" + (request.query() == null ? "" : "?" + request.query());
            exchange.respond(Response.of(Status.MOVED_PERMANENTLY).header("Location", location)
                    .body("text/html; charset=utf-8", "<a href=\"" + DirectoryListing.escapeHtml(location)
                            + "\">Moved</a>\n"));
            return;
        }
        for (String index : exchange.location().indexFiles()) {
            Path candidate = directory.resolve(index);
            if (Files.isRegularFile(candidate) && exchange.location().resolve(request.path() + index).isPresent()) {
                serveFile(exchange, candidate, Files.readAttributes(candidate, BasicFileAttributes.class));
                return;
            }
        }
        if (!exchange.location().autoindex()) {
            exchange.sendError(Status.FORBIDDEN);
            return;
        }
        exchange.respond(Response.of(Status.OK).body("text/html; charset=utf-8",
                DirectoryListing.render(request.path(), directory)));
    }

    private void serveFile(Exchange exchange, Path file, BasicFileAttributes attributes) throws IOException {
        if (!Files.isReadable(file)) {
            exchange.sendError(Status.FORBIDDEN);
            return;
        }
        Request request = exchange.request();
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        String etag = Validators.etag(size, attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        String lastModified = Validators.httpDate(modified);

        String ifNoneMatch = request.headers().get("If-None-Match");
        String ifModifiedSince = request.headers().get("If-Modified-Since");
        boolean notModified = ifNoneMatch != null ? Validators.noneMatchHits(ifNoneMatch, etag)
                : ifModifiedSince != null && Validators.notModifiedSince(ifModifiedSince, modified);
        if (notModified) {
            exchange.respond(Response.of(Status.NOT_MODIFIED).header("ETag", etag)
                    .header("Last-Modified", lastModified));
            return;
        }

        ByteRange range = null;
        String ifRange = request.headers().get("If-Range");
        if (ifRange == null || Validators.ifRangeMatches(ifRange, etag, modified)) {
            range = ByteRange.parse(request.headers().get("Range"), size);
        }
        if (range == ByteRange.UNSATISFIABLE) {
            exchange.sendError(new HttpException(Status.RANGE_NOT_SATISFIABLE, "range not satisfiable", false)
                    .header("Content-Range", "bytes */" + size));
            return;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (AccessDeniedException e) {
            exchange.sendError(Status.FORBIDDEN);
            return;
        } catch (IOException e) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        Response response = Response.of(range == null ? Status.OK : Status.PARTIAL_CONTENT)
                .header("Content-Type", mimeTypes.forName(file.getFileName().toString()))
                .header("Last-Modified", lastModified)
                .header("ETag", etag)
                .header("Accept-Ranges", "bytes");
        if (range == null) {
            response.file(channel, 0, size);
        } else {
            response.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
            response.file(channel, range.first(), range.length());
        }
        exchange.respond(response);
    }
}
