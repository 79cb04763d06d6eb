package dev.solo.http.internal.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** A body that is the file itself (PUT, or POST of anything but a form). */
final class RawSink implements BodySink {

    private final StagedFile file;

    /** @param file where the body goes, created before the body is requested so a 403 costs no transfer */
    RawSink(StagedFile file) {
        this.file = file;
    }

    @Override
    public void accept(ByteBuffer data) throws IOException {
        file.write(data);
    }

    @Override
    public void end() throws IOException {
        file.close();
    }

    @Override
    public List<StagedFile> files() {
        return List.of(file);
    }

    @Override
    public List<FormField> fields() {
        return List.of();
    }
}
