package dev.solo.http.internal.upload;

import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.http.internal.files.WritePreconditions;
import dev.solo.http.spi.ExecutableFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores uploaded files and deletes files, in a location with {@code upload on;}.
 *
 * <ul>
 *   <li>{@code POST} of {@code multipart/form-data} stores each file part in the {@code upload_store} directory, or
 *       else in the directory the request path maps to (RFC 7578). A form without boundary is a 415.</li>
 *   <li>{@code POST} or {@code PUT} of any other body to {@code /prefix/NAME} stores the body as {@code NAME}, in the
 *       {@code upload_store} or in the directory the path maps into.</li>
 *   <li>Both answer 201 Created with {@code Location} and a list of the stored files (HTML, or JSON on request).
 *       An existing file is never replaced: see {@link FileNames} for names, numbered suffixes and PUT's 409.</li>
 *   <li>{@code DELETE /prefix/NAME} removes the file the path maps to: 204, 404 when missing, 403 for a
 *       directory, a hidden name or a path outside the root. The connection has already checked {@code methods}.</li>
 *   <li>Every other method is declined, so GET falls through to static files and listings.</li>
 * </ul>
 *
 * <p>PUT and DELETE honour the preconditions of RFC 9110 §13 ({@link WritePreconditions}): {@code If-Match} and
 * {@code If-Unmodified-Since} that do not hold, or {@code If-None-Match} that does, give 412 and change nothing. A PUT
 * that names the version it replaces ({@code If-Match}, {@code If-Unmodified-Since}) and holds may replace an
 * existing file; without one, an existing name is a 409 as above.
 *
 * <p>No write ever creates, replaces or deletes a file that some location of any server runs as a program: such a
 * request is refused with 403 ({@link ExecutableGuard}).
 *
 * <p>Files are staged and renamed into place only when the request completed ({@link UploadBody}). Disk writes run
 * on the loop thread, one read buffer at a time.
 */
public final class UploadHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(UploadHandler.class);

    private static final String MULTIPART_FORM = "multipart/form-data";

    private static final Set<Method> METHODS = Set.of(Method.POST, Method.PUT, Method.DELETE);

    private final Optional<UploadTarget.Store> store;
    private final UploadLimits limits;
    private final ExecutableGuard guard;

    /**
     * @param store the {@code upload_store} directory, if configured
     * @param limits per-request memory and file limits
     * @param executables every area where the site runs files as programs (a live view, complete before requests)
     */
    UploadHandler(Optional<UploadTarget.Store> store, UploadLimits limits, List<ExecutableFiles> executables) {
        this.store = store;
        this.limits = limits;
        this.guard = new ExecutableGuard(executables);
    }

    /**
     * A handler in a site that runs no files as programs (tests).
     *
     * @param store the {@code upload_store} directory, if configured
     * @param limits per-request memory and file limits
     */
    UploadHandler(Optional<UploadTarget.Store> store, UploadLimits limits) {
        this(store, limits, List.of());
    }

    @Override
    public Set<Method> methods() {
        return METHODS;
    }

    @Override
    public Set<Method> writeMethods() {
        return METHODS;
    }

    @Override
    public boolean handle(Exchange exchange) throws IOException {
        Method method = exchange.request().method();
        if (method == Method.DELETE) {
            delete(exchange);
            return true;
        }
        if (method != Method.POST && method != Method.PUT) {
            return false;
        }
        try {
            start(exchange, method);
        } catch (HttpException e) {
            exchange.sendError(e);
        } catch (IOException e) {
            exchange.sendError(UploadErrors.toHttp(e, false));
        }
        return true;
    }

    private void start(Exchange exchange, Method method) throws IOException {
        Request request = exchange.request();
        String contentType = request.headers().get(HeaderName.CONTENT_TYPE);
        UploadTarget target;
        BodySink sink;
        Headers replaceIf = null;
        if (method == Method.POST && contentType != null
                && HeaderParameters.parse(contentType).value().equals(MULTIPART_FORM)) {
            String boundary = MultipartParser.boundaryOf(contentType).orElseThrow(
                    () -> UploadTarget.error(Status.UNSUPPORTED_MEDIA_TYPE, "multipart/form-data without boundary"));
            target = UploadTarget.forForm(exchange.location(), request.path(), store);
            sink = new MultipartSink(boundary, target.directory(), limits, guard);
        } else {
            target = UploadTarget.forFile(exchange.location(), request.path(), store);
            Path file = target.directory().resolve(target.name());
            guard.check(file, false);
            if (method == Method.PUT) {
                replaceIf = checkPut(request, file);
            }
            sink = new RawSink(StagedFile.create(target.directory(), target.name()));
        }
        UploadBody body = new UploadBody(exchange, target, sink, method == Method.POST, replaceIf);
        exchange.onAbort(body::abandon);
        if (request.hasBody()) {
            exchange.receiveBody(body);
        } else {
            body.onComplete();
        }
    }

    /**
     * Refused before the body is sent: conditions that fail (412), or an existing name the client did not say it
     * replaces (409); both are checked again at the rename, since the file may change meanwhile.
     *
     * @return the header fields to check again before replacing, or null when the PUT only creates
     */
    private static Headers checkPut(Request request, Path file) throws IOException {
        Headers headers = request.headers();
        if (WritePreconditions.present(headers) && !WritePreconditions.hold(headers, file)) {
            throw UploadTarget.error(Status.PRECONDITION_FAILED, "precondition failed");
        }
        if (WritePreconditions.namesCurrentVersion(headers)) {
            return headers;
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw UploadTarget.error(Status.CONFLICT, "a file of that name already exists");
        }
        return null;
    }

    private void delete(Exchange exchange) {
        String path = exchange.request().path();
        Path file;
        try {
            file = UploadTarget.mapped(exchange.location(), path);
            guard.check(file, false);
        } catch (HttpException e) {
            exchange.sendError(e);
            return;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            exchange.sendError(Status.NOT_FOUND);
            return;
        }
        if (Files.isDirectory(file)) {
            exchange.sendError(UploadTarget.error(Status.FORBIDDEN, "directories cannot be deleted"));
            return;
        }
        try {
            Headers headers = exchange.request().headers();
            if (WritePreconditions.present(headers) && !WritePreconditions.hold(headers, file)) {
                exchange.sendError(UploadTarget.error(Status.PRECONDITION_FAILED, "precondition failed"));
                return;
            }
            Files.delete(file);
            LOG.debug("Deleted {}", file);
            exchange.respond(Response.of(Status.NO_CONTENT));
        } catch (NoSuchFileException e) {
            exchange.sendError(Status.NOT_FOUND);
        } catch (AccessDeniedException e) {
            exchange.sendError(UploadTarget.error(Status.FORBIDDEN, "the file cannot be deleted"));
        } catch (IOException e) {
            LOG.warn("Deleting {} failed: {}", file, e.toString());
            exchange.sendError(new HttpException(Status.INTERNAL_SERVER_ERROR, null, false, e));
        }
    }
}
