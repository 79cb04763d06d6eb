package dev.solo.cgi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A script's standard output: the pipe, read without ever waiting, into a fixed-size buffer.
 *
 * <p>A pipe is not selectable, but {@link InputStream#available()} on it asks the kernel how many bytes are queued
 * ({@code FIONREAD}) without waiting, and a read of at most that many bytes returns at once. Reading stops when the
 * buffer is full: the script then blocks on its own full pipe until the client takes data (backpressure), so memory
 * per script is the buffer plus the kernel's pipe.
 *
 * <p>End of output is known only once the process has exited: then everything it wrote is queued (or already copied
 * by the JDK, which drains the pipe of an exited process), and an empty pipe means the end. A blocking read to
 * end-of-file is never made, because a background grandchild may hold the pipe open indefinitely.
 */
final class ScriptOutput {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptOutput.class);

    private final InputStream stdout;
    /** Always in fill mode: bytes held are [0, position). */
    private final ByteBuffer buffer;
    private boolean eof;

    ScriptOutput(InputStream stdout, int capacity) {
        this.stdout = stdout;
        this.buffer = ByteBuffer.allocate(capacity);
    }

    /**
     * Reads what the pipe holds, as far as the buffer has room.
     *
     * @param exited whether the process has exited (and its exit was seen on the loop)
     * @return bytes read
     * @throws IOException when the pipe fails
     */
    int fill(boolean exited) throws IOException {
        int total = 0;
        while (!eof && buffer.hasRemaining()) {
            int available = stdout.available();
            if (available <= 0) {
                // Only an exited process's empty pipe is the end; a running one may write more.
                eof = exited;
                break;
            }
            int count = stdout.read(buffer.array(), buffer.position(), Math.min(available, buffer.remaining()));
            if (count < 0) {
                eof = true;
                break;
            }
            buffer.position(buffer.position() + count);
            total += count;
        }
        return total;
    }

    /**
     * Feeds the held bytes to the head parser, keeping what follows the head.
     *
     * @param parser the run's head parser
     * @return the head once complete, else null
     * @throws ScriptOutputException when the head is invalid
     */
    ScriptHead parseHead(ScriptHeadParser parser) throws ScriptOutputException {
        buffer.flip();
        try {
            return parser.parse(buffer);
        } finally {
            buffer.compact();
        }
    }

    /**
     * @param dst where to copy held bytes
     * @return bytes copied
     */
    int drainTo(ByteBuffer dst) {
        int count = Math.min(buffer.position(), dst.remaining());
        if (count > 0) {
            buffer.flip();
            dst.put(buffer.array(), 0, count);
            buffer.position(count);
            buffer.compact();
        }
        return count;
    }

    /** @return the held bytes as a buffer to read; this output must not be used afterwards */
    ByteBuffer takeAll() {
        return buffer.flip();
    }

    /** Drops the held bytes (the output is no longer wanted). */
    void discard() {
        buffer.clear();
    }

    /** @return bytes held */
    int held() {
        return buffer.position();
    }

    /** @return true when the buffer has no room: stop reading the pipe until the client takes some */
    boolean isFull() {
        return !buffer.hasRemaining();
    }

    /** @return true when the process has exited and its pipe is empty (bytes may still be held) */
    boolean eof() {
        return eof;
    }

    /** Closes the pipe; a process still writing to it gets SIGPIPE. */
    void close() {
        try {
            stdout.close();
        } catch (IOException e) {
            LOG.debug("Closing a CGI stdout pipe failed", e);
        }
    }
}
