package dev.solo.http.internal.files;

import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.HttpException;
import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.http.codec.PathEncoder;
import dev.solo.http.internal.routing.FileMapping;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * Serves files under the location's root or alias: GET and HEAD, index files, directory listings, validators and
 * conditional requests (304, 412), single byte ranges for GET (206/416). Bodies go out with {@code sendfile}. It
 * takes every request that reaches it, so it ends each location's handler chain.
 */
final class StaticFileHandler implements Handler {

    private final FileCache files;
    private final PathResolutions resolutions = new PathResolutions();
    private final Precompressed precompressed;

    StaticFileHandler(FileCache files, Precompressed precompressed) {
        this.files = files;
        this.precompressed = precompressed;
    }

    @Override
    public Set<Method> methods() {
        return Set.of(Method.GET, Method.HEAD);
    }

    @Override
    public boolean handle(Exchange exchange) throws IOException {
        Request request = exchange.request();
        if (request.method() != Method.GET && request.method() != Method.HEAD) {
            // Another handler of the location takes this method but declined the path: Allow says what OPTIONS says.
            exchange.sendError(HttpException.methodNotAllowed(ClientFiles.allowHeader(exchange.location())));
            return true;
        }
        Location location = exchange.location();
        long now = exchange.loop().now();
        PathResolutions.Resolution mapped = resolutions.resolve(location, request.path(), now);
        if (mapped.file.isEmpty()) {
            // Outside the root: 403. A name the platform cannot turn into a file name (LANG=C, non-ASCII): no such file.
            boolean inside = location.root().isPresent() && FileMapping.representable(request.path());
            exchange.sendError(inside ? Status.FORBIDDEN : Status.NOT_FOUND);
            return true;
        }
        FileCache.Entry entry = mapped.entry;
        if (!FileCache.isCurrent(entry, now)) {
            try {
                entry = files.get(mapped.file.get(), now);
            } catch (FileSystemException e) {
                exchange.sendError(FileErrors.statusFor(e));
                return true;
            }
            mapped.entry = entry;
        }
        if (entry.attributes.isDirectory()) {
            serveDirectory(exchange, entry.file, now);
        } else if (entry.attributes.isRegularFile()) {
            serveFile(exchange, entry);
        } else {
            exchange.sendError(Status.FORBIDDEN);
        }
        return true;
    }

    private void serveDirectory(Exchange exchange, Path directory, long now) throws IOException {
        Request request = exchange.request();
        if (!request.path().endsWith("/")) {
            // Relative links inside the page need the trailing slash, as nginx does it. The Location is built from
            // the normalised path, never from the target as sent: "//evil.example/%2e%2e/dir" must not come back as
            // a network-path reference to another host (an open redirect).
            String location = PathEncoder.encode(request.path()) + "/"
                    + (request.query() == null ? "" : "?" + request.query());
            exchange.respond(Response.of(Status.MOVED_PERMANENTLY).header("Location", location)
                    .body("text/html; charset=utf-8", "<a href=\"" + DirectoryListing.escapeHtml(location)
                            + "\">Moved</a>\n"));
            return;
        }
        for (String index : exchange.location().indexFiles()) {
            Optional<Path> candidate = resolutions.resolve(exchange.location(), request.path() + index, now).file;
            if (candidate.isPresent()) {
                try {
                    FileCache.Entry entry = files.get(candidate.get(), now);
                    if (entry.attributes.isRegularFile()) {
                        serveFile(exchange, entry);
                        return;
                    }
                } catch (FileSystemException e) {
                    // try the next index name
                }
            }
        }
        if (!exchange.location().autoindex()) {
            exchange.sendError(Status.FORBIDDEN);
            return;
        }
        if (Validators.ifMatchFails(request.headers().get("If-Match"), null)) {
            exchange.sendError(Status.PRECONDITION_FAILED);
            return;
        }
        String listing;
        try {
            listing = DirectoryListing.render(request.path(), directory, exchange.location());
        } catch (FileSystemException e) {
            exchange.sendError(FileErrors.statusFor(e));
            return;
        }
        exchange.respond(Response.of(Status.OK).header("X-Content-Type-Options", "nosniff")
                .body("text/html; charset=utf-8", listing));
    }

    private void serveFile(Exchange exchange, FileCache.Entry file) throws IOException {
        Request request = exchange.request();
        // gzip_static/brotli_static: a compressed copy made at build time, sent as any file with the original's type.
        Precompressed.Choice variant = precompressed.choose(request, file, exchange.loop().now());
        FileCache.Entry entry = variant.entry(file);
        String contentType = file.contentType;
        long size = entry.attributes.size();
        long modified = entry.modifiedMillis;

        // RFC 9110 §13.2.2: If-Match, else If-Unmodified-Since, then If-None-Match, else If-Modified-Since.
        if (Validators.preconditionFails(request.headers().get("If-Match"),
                request.headers().get("If-Unmodified-Since"), entry.etag, modified)) {
            exchange.sendError(Status.PRECONDITION_FAILED);
            return;
        }
        String ifNoneMatch = request.headers().get("If-None-Match");
        String ifModifiedSince = request.headers().get("If-Modified-Since");
        boolean notModified = ifNoneMatch != null ? Validators.noneMatchHits(ifNoneMatch, entry.etag)
                : ifModifiedSince != null && Validators.notModifiedSince(ifModifiedSince, modified);
        if (notModified) {
            // The type is not sent with a 304: the response filter reads it to decide Vary and the ETag's form.
            Response unchanged = Response.of(Status.NOT_MODIFIED).header("ETag", entry.etag)
                    .header("Last-Modified", entry.lastModified).header("Content-Type", contentType);
            variant.describe(unchanged);
            exchange.respond(unchanged);
            return;
        }

        ByteRange range = null;
        String ifRange = request.headers().get("If-Range");
        // RFC 9110 §14.2: Range applies to GET only; a HEAD gets the head of the whole file (200, full length).
        if (request.method() == Method.GET
                && (ifRange == null || Validators.ifRangeMatches(ifRange, entry.etag, modified))) {
            range = ByteRange.parse(request.headers().get("Range"), size);
        }
        if (range == ByteRange.UNSATISFIABLE) {
            exchange.sendError(new HttpException(Status.RANGE_NOT_SATISFIABLE, "range not satisfiable", false)
                    .header("Content-Range", "bytes */" + size));
            return;
        }
        Response response = Response.of(range == null ? Status.OK : Status.PARTIAL_CONTENT)
                .header("Last-Modified", entry.lastModified)
                .header("ETag", entry.etag)
                .header("Accept-Ranges", "bytes");
        String type = ClientFiles.guard(exchange.location(), response, contentType);
        long first = range == null ? 0 : range.first();
        long length = range == null ? size : range.length();
        if (range != null) {
            response.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
        }
        variant.describe(response);
        if (entry.content != null) {
            // Small and cached: head and body leave together in one gathering write. The whole content is passed as
            // it is (the server reads a body through its own view and never moves the one it is given); only a
            // range needs a view of its own.
            ByteBuffer body = entry.content;
            if (range != null) {
                body = body.duplicate();
                body.position((int) first).limit((int) (first + length));
            }
            exchange.respond(response.body(type, body));
            return;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(entry.file, StandardOpenOption.READ);
        } catch (FileSystemException e) {
            exchange.sendError(FileErrors.statusFor(e));
            return;
        }
        response.header("Content-Type", type);
        exchange.respond(response.file(channel, first, length));
    }
}
