package dev.solo.cgi.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A script's standard error: redirected to a temporary file (a pipe could fill up and hang the script, and the loop
 * cannot select on it), unlinked as soon as the script holds it open, and read back line by line into the server log,
 * each line tagged with the script path.
 *
 * <p>Lines are cut at {@value #MAX_LINE} bytes and at most {@value #MAX_LOGGED} bytes are logged per run, so a
 * chatty script cannot flood the log; control characters are replaced so a script cannot forge log lines.
 */
final class StderrLog {

    private static final Logger LOG = LoggerFactory.getLogger(StderrLog.class);

    static final int MAX_LINE = 4096;
    static final long MAX_LOGGED = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final String tag;
    private final ByteBuffer line = ByteBuffer.allocate(MAX_LINE);
    private final ByteBuffer chunk = ByteBuffer.allocate(MAX_LINE);
    private long logged;
    private boolean unlinked;
    private boolean closed;

    private StderrLog(Path file, FileChannel channel, String tag) {
        this.file = file;
        this.channel = channel;
        this.tag = tag;
    }

    /**
     * @param directory where to create the file
     * @param tag what to prefix each logged line with (the script path)
     * @return a log backed by a new, empty temporary file
     * @throws IOException when the file cannot be created
     */
    static StderrLog create(Path directory, String tag) throws IOException {
        Path file = Files.createTempFile(directory, "solo-cgi-", ".stderr");
        try {
            return new StderrLog(file, FileChannel.open(file, StandardOpenOption.READ), tag);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** @return the file to redirect the script's standard error to */
    Path file() {
        return file;
    }

    /** Removes the file's name; the script and this reader keep their descriptors, so no file outlives the run. */
    void unlink() {
        if (unlinked) {
            return;
        }
        unlinked = true;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete CGI stderr file {}: {}", file, e.toString());
        }
    }

    /** Logs the complete lines written since the last call. Reads a local file: quick, never waits on the script. */
    void poll() {
        if (closed) {
            return;
        }
        try {
            if (logged >= MAX_LOGGED) {
                channel.position(channel.size());
                return;
            }
            while (channel.read(chunk.clear()) > 0) {
                chunk.flip();
                split();
                if (logged >= MAX_LOGGED) {
                    LOG.warn("{}: further stderr output not logged (over {} bytes)", tag, MAX_LOGGED);
                    channel.position(channel.size());
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: reading stderr failed", tag, e);
        }
    }

    /** Logs what is left, including a last line without newline, and releases the file. Safe to call twice. */
    void close() {
        if (closed) {
            return;
        }
        poll();
        if (line.position() > 0 && logged < MAX_LOGGED) {
            emit();
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: closing stderr failed", tag, e);
        }
        unlink();
    }

    private void split() {
        while (chunk.hasRemaining() && logged < MAX_LOGGED) {
            byte b = chunk.get();
            if (b == '\n') {
                emit();
            } else {
                line.put(b);
                if (!line.hasRemaining()) {
                    emit();
                }
            }
        }
    }

    private void emit() {
        int length = line.position();
        if (length > 0 && line.get(length - 1) == '\r') {
            length--;
        }
        String text = new String(line.array(), 0, length, StandardCharsets.UTF_8);
        line.clear();
        logged += length + 1;
        LOG.warn("{}: {}", tag, printable(text));
    }

    private static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, '?');
            }
        }
        return out == null ? text : out.toString();
    }
}
