package dev.solo.http.internal.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where an upload's body goes: straight into one file ({@link RawSink}) or through the multipart parser into
 * several ({@link MultipartSink}). Failures a client caused are thrown as {@link dev.solo.http.HttpException}s.
 */
interface BodySink {

    /**
     * @param data the next body bytes, consumed entirely
     * @throws IOException when writing fails
     */
    void accept(ByteBuffer data) throws IOException;

    /**
     * The body is complete.
     *
     * @throws IOException when closing a file fails
     */
    void end() throws IOException;

    /** @return the files staged so far, in body order */
    List<StagedFile> files();

    /** @return the ordinary form fields received, in body order */
    List<FormField> fields();
}
