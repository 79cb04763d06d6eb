package dev.solo.http.internal.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One uploaded file on its way to its name: written to a hidden temporary file in the target directory, then renamed
 * into place when the request is complete, or deleted when it is not.
 *
 * <p>Staging in the target directory keeps the rename on one file system, so the finished file appears at once and
 * whole; the {@code .upload-*.part} name starts with a dot, so listings skip it and no client can name it
 * ({@link FileNames} strips leading dots). Loop thread only.
 */
final class StagedFile {

    private static final Logger LOG = LoggerFactory.getLogger(StagedFile.class);

    /** How many numbered names a POST tries before giving up with 409. */
    static final int MAX_NUMBERED_NAMES = 999;

    private static final int CREATE_ATTEMPTS = 8;

    private final Path directory;
    private final String name;
    private final Path temporary;
    private FileChannel channel;
    private long size;
    private Path published;

    private StagedFile(Path directory, String name, Path temporary, FileChannel channel) {
        this.directory = directory;
        this.name = name;
        this.temporary = temporary;
        this.channel = channel;
    }

    /**
     * Creates the temporary file.
     *
     * @param directory the target directory
     * @param name the sanitised name the file should get
     * @return the staged file, open for writing
     * @throws IOException when the file cannot be created ({@link java.nio.file.AccessDeniedException} for a
     *         directory the server may not write)
     */
    static StagedFile create(Path directory, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path temporary = directory.resolve(".upload-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".part");
            try {
                // CREATE_NEW is O_EXCL: it neither reuses another upload's file nor follows a planted link.
                FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new StagedFile(directory, name, temporary, channel);
            } catch (FileAlreadyExistsException e) {
                if (attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** @return the sanitised name the file should get */
    String name() {
        return name;
    }

    /** @return the temporary file */
    Path temporary() {
        return temporary;
    }

    /** @return the bytes written */
    long size() {
        return size;
    }

    /**
     * Appends bytes. The slice is bounded by the connection's read buffer, so one call never stalls the loop long.
     *
     * @param data the bytes, consumed entirely
     * @throws IOException when the disk refuses them
     */
    void write(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            size += channel.write(data);
        }
    }

    /**
     * Closes the temporary file: all bytes are in.
     *
     * @throws IOException when closing fails
     */
    void close() throws IOException {
        if (channel != null) {
            FileChannel open = channel;
            channel = null;
            open.close();
        }
    }

    /**
     * Renames the file to its name, or to the first free numbered name.
     *
     * <p>{@code Files.move} without options fails with {@link FileAlreadyExistsException} when the name is taken and
     * otherwise renames (rename(2), MoveFileEx), which is atomic within one directory. {@code ATOMIC_MOVE} is not
     * used on purpose: on Linux it maps to a bare rename(2), which silently replaces an existing file.
     *
     * @param numberIfTaken true to try {@code name (1).ext}... when the name is taken (POST), false to fail (PUT)
     * @return the name the file got
     * @throws FileAlreadyExistsException when the name (and, for POST, every numbered name) is taken
     * @throws IOException when the rename fails otherwise
     */
    String publish(boolean numberIfTaken) throws IOException {
        close();
        int last = numberIfTaken ? MAX_NUMBERED_NAMES : 0;
        for (int n = 0; n <= last; n++) {
            String candidate = n == 0 ? name : FileNames.numbered(name, n);
            Path target = directory.resolve(candidate);
            try {
                Files.move(temporary, target);
                published = target;
                return candidate;
            } catch (FileAlreadyExistsException e) {
                LOG.debug("Upload name {} is taken", candidate);
            }
        }
        throw new FileAlreadyExistsException(directory.resolve(name).toString());
    }

    /**
     * Renames the file to its name, replacing a file of that name: for a PUT whose preconditions named the version
     * it replaces. The rename is atomic, so a reader sees the old file or the new one, never a mix.
     *
     * @return the name the file got
     * @throws IOException when the rename fails
     */
    String publishReplacing() throws IOException {
        close();
        Path target = directory.resolve(name);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new AccessDeniedException(target.toString());
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        published = target;
        return name;
    }

    /** Removes the temporary file, if it is still there: the upload did not complete. */
    void discard() {
        try {
            close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", temporary, e);
        }
        delete(temporary);
    }

    /** Removes the published file again: a later file of the same request failed, and a request is all or nothing. */
    void unpublish() {
        if (published != null) {
            delete(published);
            published = null;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove upload file {}: {}", file, e.toString());
        }
    }
}
