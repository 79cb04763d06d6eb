package dev.solo.app.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file named by {@code pid FILE;}: the id of the process that answers {@code solo --reload} (the supervisor when
 * there are workers). It is only a pointer, never a lock: a start overwrites whatever is there (several servers may
 * share a port with {@code reuseport}, and a file left by a crash must not stop the next start), and a stop removes
 * the file only if it still names this process.
 */
public final class PidFile {

    private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);

    private final Path file;
    private final long pid;

    private PidFile(Path file, long pid) {
        this.file = file;
        this.pid = pid;
    }

    /**
     * Writes this process's id, replacing the file in one rename so that a reader never sees half of it.
     *
     * @param file where
     * @return the written file, to {@link #remove()} at exit; empty (and a warning logged) if it could not be written
     */
    public static Optional<PidFile> write(Path file) {
        long pid = ProcessHandle.current().pid();
        Path temporary = file.resolveSibling(file.getFileName() + "." + pid + ".tmp");
        try {
            Files.writeString(temporary, pid + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new PidFile(file, pid));
        } catch (IOException e) {
            LOG.warn("cannot write the pid file {}: {}", file, e.toString());
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the warning above already says the pid file is missing
            }
            return Optional.empty();
        }
    }

    /**
     * @param file a pid file
     * @return the process id it holds
     * @throws IOException when it cannot be read or holds no number
     */
    public static long read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " holds no process id: '" + text + "'", e);
        }
    }

    /** Deletes the file if it still names this process (a later start may have taken it over). */
    public void remove() {
        try {
            if (Files.exists(file) && read(file) == pid) {
                Files.delete(file);
            }
        } catch (IOException e) {
            LOG.debug("pid file {} not removed: {}", file, e.toString());
        }
    }
}
