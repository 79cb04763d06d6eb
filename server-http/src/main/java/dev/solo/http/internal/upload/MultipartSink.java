package dev.solo.http.internal.upload;

import dev.solo.http.HttpException;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A multipart/form-data body: each part with a file name is staged as a file in the target directory, each other
 * part is kept as a bounded {@link FormField}. A file input the user left empty arrives as a part with
 * {@code filename=""} and no content (RFC 7578 §4.2); it is skipped.
 */
final class MultipartSink implements BodySink, MultipartParser.Listener {

    private enum Current {
        NONE,
        FILE,
        FIELD,
        SKIPPED
    }

    private final MultipartParser parser;
    private final Path directory;
    private final UploadLimits limits;
    private final ExecutableGuard guard;
    private final List<StagedFile> files = new ArrayList<>();
    private final FormFields fields;
    private Current current = Current.NONE;

    /**
     * @param boundary the body's boundary
     * @param directory where files are staged
     * @param limits memory and file-count limits
     * @param guard refuses names the server would run as programs
     */
    MultipartSink(String boundary, Path directory, UploadLimits limits, ExecutableGuard guard) {
        this.guard = guard;
        this.parser = new MultipartParser(boundary, limits.maxPartHeaderBytes(), this);
        this.directory = directory;
        this.limits = limits;
        this.fields = new FormFields(limits.maxFieldBytes());
    }

    @Override
    public void accept(ByteBuffer data) throws IOException {
        try {
            parser.feed(data);
        } catch (MalformedMultipartException e) {
            throw HttpException.badRequest(e.getMessage());
        }
    }

    @Override
    public void end() throws IOException {
        try {
            parser.finish();
        } catch (MalformedMultipartException e) {
            // The body was read to its end, so the connection can stay open.
            throw new HttpException(Status.BAD_REQUEST, e.getMessage(), false);
        }
    }

    @Override
    public List<StagedFile> files() {
        return List.copyOf(files);
    }

    @Override
    public List<FormField> fields() {
        return fields.fields();
    }

    @Override
    public void partStart(PartHeaders headers) throws IOException {
        if (!headers.isFile()) {
            fields.start(headers.name());
            current = Current.FIELD;
            return;
        }
        if (headers.fileName().isEmpty()) {
            current = Current.SKIPPED;
            return;
        }
        String name = FileNames.sanitize(headers.fileName())
                .orElseThrow(() -> HttpException.badRequest("unusable file name"));
        guard.check(directory.resolve(name), true);
        if (files.size() == limits.maxFiles()) {
            throw HttpException.contentTooLarge("too many files in one request");
        }
        files.add(StagedFile.create(directory, name));
        current = Current.FILE;
    }

    @Override
    public void partData(ByteBuffer data) throws IOException {
        switch (current) {
            case FILE:
                files.get(files.size() - 1).write(data);
                break;
            case FIELD:
                fields.append(data);
                break;
            default:
                data.position(data.limit());
                break;
        }
    }

    @Override
    public void partEnd() throws IOException {
        if (current == Current.FILE) {
            files.get(files.size() - 1).close();
        } else if (current == Current.FIELD) {
            fields.end();
        }
        current = Current.NONE;
    }

    @Override
    public void finished() {
        // Nothing to do: the files are published once the whole body has arrived, in UploadBody.
    }
}
