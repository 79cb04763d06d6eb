package dev.solo.http.internal.upload;

import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.Status;
import dev.solo.http.internal.files.WritePreconditions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one upload's body and turns it into files, all or nothing: the files are renamed into place only after
 * the whole body has arrived and, for a form, its multipart structure closed correctly. Until then they are hidden
 * temporary files, which every failure and every abort deletes; if a rename fails half-way, the files already
 * renamed are removed again. Loop thread only.
 *
 * <p>A failure while the body is still arriving is thrown from {@link #onData} as an {@link HttpException} that
 * closes the connection, so the connection stops reading: there is no point in receiving a gigabyte for a full
 * disk. A failure found at the end (no closing boundary, a name taken by a PUT) is answered here, and the connection
 * may stay open since the body was read.
 */
final class UploadBody implements BodyConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UploadBody.class);

    private final Exchange exchange;
    private final UploadTarget target;
    private final BodySink sink;
    private final boolean numberIfTaken;
    private final Headers replaceIf;
    private boolean done;

    /**
     * @param exchange the request
     * @param target where the files go
     * @param sink raw or multipart
     * @param numberIfTaken true to pick {@code name (1).ext} for a taken name (POST), false to answer 409 (PUT)
     * @param replaceIf for a PUT that names the version it replaces ({@code If-Match}, {@code If-Unmodified-Since}):
     *                  its header fields, evaluated again just before the rename, which then replaces the file;
     *                  null never to replace
     */
    UploadBody(Exchange exchange, UploadTarget target, BodySink sink, boolean numberIfTaken, Headers replaceIf) {
        this.exchange = exchange;
        this.target = target;
        this.sink = sink;
        this.numberIfTaken = numberIfTaken;
        this.replaceIf = replaceIf;
    }

    /**
     * Writes the next bytes.
     *
     * @param content the bytes, consumed entirely
     * @throws HttpException when the upload cannot go on (malformed form, a limit, a file-system failure): the
     *         temporary files are already gone, and the error closes the connection, so the connection stops
     *         reading the body, calls {@link #onAbort} and answers with it
     */
    @Override
    public void onData(ByteBuffer content) {
        if (done) {
            content.position(content.limit());
            return;
        }
        try {
            sink.accept(content);
        } catch (HttpException e) {
            throw abort(e);
        } catch (IOException e) {
            throw abort(UploadErrors.toHttp(e, true));
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
        content.position(content.limit());
    }

    @Override
    public void onComplete() {
        if (done) {
            return;
        }
        try {
            sink.end();
            List<StagedFile> files = sink.files();
            if (files.isEmpty()) {
                fail(UploadTarget.error(Status.BAD_REQUEST, "the form holds no file"));
                return;
            }
            List<StoredFile> stored = publish(files);
            done = true;
            LOG.debug("Stored {} uploaded file(s) in {}", stored.size(), target.directory());
            exchange.respond(UploadReport.created(stored, sink.fields(),
                    exchange.request().headers().get(HeaderName.ACCEPT)));
        } catch (HttpException e) {
            fail(e);
        } catch (IOException e) {
            fail(UploadErrors.toHttp(e, false));
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
    }

    @Override
    public void onAbort(Throwable cause) {
        if (!done) {
            LOG.debug("Upload to {} aborted: {}", target.directory(), cause.toString());
        }
        abandon();
    }

    /** Deletes every temporary file, unless the upload already completed; safe to call more than once. */
    void abandon() {
        if (done) {
            return;
        }
        done = true;
        for (StagedFile file : sink.files()) {
            file.discard();
        }
    }

    private List<StoredFile> publish(List<StagedFile> files) throws IOException {
        List<StoredFile> stored = new ArrayList<>(files.size());
        try {
            for (StagedFile file : files) {
                String name = replaceIf == null ? file.publish(numberIfTaken) : replace(file);
                stored.add(new StoredFile(name, target.urlOf(name), file.size()));
            }
            return stored;
        } catch (IOException | RuntimeException e) {
            for (StagedFile file : files) {
                file.unpublish();
            }
            throw e;
        }
    }

    /**
     * The file may have changed while the body arrived: the conditions are checked again right before the rename
     * (RFC 9110 §13.2.1 evaluates them against the state the change would apply to).
     */
    private String replace(StagedFile file) throws IOException {
        if (!WritePreconditions.hold(replaceIf, target.directory().resolve(file.name()))) {
            throw UploadTarget.error(Status.PRECONDITION_FAILED, "the file changed");
        }
        return file.publishReplacing();
    }

    /** Answers a failure found once the whole body was read: the connection may stay open. */
    private void fail(HttpException error) {
        if (!exchange.isResponded()) {
            exchange.sendError(abort(error));
        } else {
            abort(error);
        }
    }

    private HttpException abort(HttpException error) {
        abandon();
        if (error.status().code() >= 500) {
            LOG.warn("Upload to {} failed: {}", target.directory(), String.valueOf(error.getCause()));
        } else {
            LOG.debug("Upload to {} refused: {}", target.directory(), error.getMessage());
        }
        return error;
    }
}
