package dev.solo.cgi.internal;

import dev.solo.http.BodyConsumer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a request body to a temporary file as it arrives, so the script can later read it as its standard input
 * from a file instead of a pipe the loop would have to feed. The server bounds the body by
 * {@code client_max_body_size}; the spool checks the same limit again so a server bug cannot fill the disk.
 */
final class BodySpool implements BodyConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BodySpool.class);

    private final Path file;
    private final FileChannel channel;
    private final long limit;
    private final Runnable completed;
    private final Consumer<Throwable> aborted;
    private long size;
    private boolean deleted;

    private BodySpool(Path file, FileChannel channel, long limit, Runnable completed, Consumer<Throwable> aborted) {
        this.file = file;
        this.channel = channel;
        this.limit = limit;
        this.completed = completed;
        this.aborted = aborted;
    }

    /**
     * @param directory where to create the file
     * @param limit the most bytes accepted
     * @param completed runs when the whole body is on disk
     * @param aborted runs when the body will not complete; the file is already deleted then
     * @return a spool backed by a new temporary file
     * @throws IOException when the file cannot be created
     */
    static BodySpool create(Path directory, long limit, Runnable completed, Consumer<Throwable> aborted)
            throws IOException {
        Path file = Files.createTempFile(directory, "solo-cgi-", ".body");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            return new BodySpool(file, channel, limit, completed, aborted);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public void onData(ByteBuffer content) throws IOException {
        if (size + content.remaining() > limit) {
            throw new IOException("request body exceeds " + limit + " bytes");
        }
        while (content.hasRemaining()) {
            size += channel.write(content);
        }
    }

    @Override
    public void onComplete() throws IOException {
        channel.close();
        completed.run();
    }

    @Override
    public void onAbort(Throwable cause) {
        delete();
        aborted.accept(cause);
    }

    /** @return the spool file, to redirect the script's standard input from */
    Path file() {
        return file;
    }

    /** @return bytes spooled so far: the decoded body length once complete */
    long size() {
        return size;
    }

    /** Closes and deletes the file; safe to call more than once. A started script keeps its own open descriptor. */
    void delete() {
        if (deleted) {
            return;
        }
        deleted = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing CGI body spool {} failed", file, e);
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete CGI body spool {}: {}", file, e.toString());
        }
    }
}
