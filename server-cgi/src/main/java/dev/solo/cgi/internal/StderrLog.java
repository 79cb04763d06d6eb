package dev.solo.cgi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A script's standard error: a pipe, drained on every poll of the run and copied line by line into the server log,
 * each line tagged with the script path.
 *
 * <p>Nothing a script writes here grows the server's memory or disk: the pipe is read without waiting
 * ({@link InputStream#available()}, as for standard output) into one small buffer, at most
 * {@value #MAX_READ_PER_POLL} bytes per poll, so a script that writes faster than that blocks on its own full pipe
 * until the next poll. The first {@value #MAX_LOGGED} bytes are logged, in lines cut at {@value #MAX_LINE} bytes;
 * the rest is read, counted and dropped, and the count is logged when the script is done. Control characters are
 * replaced so a script cannot forge log lines.
 */
final class StderrLog {

    private static final Logger LOG = LoggerFactory.getLogger(StderrLog.class);

    static final int MAX_LINE = 4096;
    static final long MAX_LOGGED = 64 * 1024;
    /** Read per poll at most; a script writing more waits for the next poll (backpressure). */
    static final int MAX_READ_PER_POLL = 64 * 1024;
    /** Read at most once the script has exited: what is in the pipe then, unless an orphan keeps writing. */
    static final int MAX_READ_AT_CLOSE = 1024 * 1024;

    private final InputStream stderr;
    private final String tag;
    private final ByteBuffer line = ByteBuffer.allocate(MAX_LINE);
    private final byte[] chunk = new byte[8192];
    private long logged;
    private long droppedBytes;
    private long droppedLines;
    private boolean closed;

    /**
     * @param stderr the read end of the script's standard error pipe
     * @param tag what to prefix each logged line with (the script path)
     */
    StderrLog(InputStream stderr, String tag) {
        this.stderr = stderr;
        this.tag = tag;
    }

    /**
     * Logs the complete lines written since the last call. Never waits on the script.
     *
     * @return bytes read
     */
    int poll() {
        return closed ? 0 : read(MAX_READ_PER_POLL);
    }

    private int read(int limit) {
        int total = 0;
        try {
            while (total < limit) {
                int available = stderr.available();
                if (available <= 0) {
                    break;
                }
                int count = stderr.read(chunk, 0, Math.min(Math.min(available, chunk.length), limit - total));
                if (count < 0) {
                    break;
                }
                total += count;
                split(count);
            }
        } catch (IOException e) {
            LOG.debug("{}: reading stderr failed", tag, e);
        }
        return total;
    }

    /** Logs what is left, a last line without newline included, and what was dropped; releases the pipe. */
    void close() {
        if (closed) {
            return;
        }
        read(MAX_READ_AT_CLOSE);
        if (line.position() > 0) {
            emit();
        }
        closed = true;
        if (droppedBytes > 0) {
            LOG.warn("{}: {} more bytes of standard error ({} lines) not logged (over {} bytes)", tag, droppedBytes,
                    droppedLines, MAX_LOGGED);
        }
        try {
            stderr.close();
        } catch (IOException e) {
            LOG.debug("{}: closing stderr failed", tag, e);
        }
    }

    /** @return bytes read and dropped because the logging bound was reached */
    long droppedBytes() {
        return droppedBytes;
    }

    private void split(int count) {
        for (int i = 0; i < count; i++) {
            byte b = chunk[i];
            if (logged >= MAX_LOGGED) {
                droppedBytes++;
                if (b == '\n') {
                    droppedLines++;
                }
            } else if (b == '\n') {
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
