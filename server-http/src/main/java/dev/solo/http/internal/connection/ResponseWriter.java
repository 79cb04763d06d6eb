package dev.solo.http.internal.connection;

import dev.solo.core.Transport;
import dev.solo.http.BodySource;
import dev.solo.http.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one response over a transport, one write per call: head and small bodies together in one gathering write,
 * files with {@code transferTo} (sendfile), streams pulled from their {@link BodySource} and framed as chunks when
 * their length is unknown (RFC 9112 §7.1).
 */
final class ResponseWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Room before a chunk's data for its size line: up to 8 hex digits and CRLF. */
    private static final int CHUNK_HEAD_ROOM = 10;

    private final ByteBuffer[] gather = new ByteBuffer[2];
    private ByteBuffer head;
    private ByteBuffer bytes;
    private FileChannel file;
    private long filePosition;
    private long fileRemaining;
    private BodySource source;
    private ByteBuffer streamBuffer;
    private boolean chunked;
    private boolean sourceEnded;
    private boolean waitingForSource;
    private long bytesSent;

    /**
     * @param head the encoded head (with any interim 100 response before it), ready to read
     * @param response the response whose body follows
     * @param sendBody false for HEAD requests and bodiless statuses
     * @param chunked whether a stream body is framed as chunks
     * @param streamBuffer a buffer for stream bodies (may be null when the body is not a stream)
     */
    void start(ByteBuffer head, Response response, boolean sendBody, boolean chunked, ByteBuffer streamBuffer) {
        this.head = head;
        this.bytes = null;
        this.file = null;
        this.source = null;
        this.chunked = chunked;
        this.sourceEnded = false;
        this.waitingForSource = false;
        this.bytesSent = 0;
        this.streamBuffer = streamBuffer;
        switch (response.bodyKind()) {
            case BYTES:
                if (sendBody) {
                    bytes = response.bytes().duplicate();
                }
                break;
            case FILE:
                if (sendBody) {
                    file = response.file();
                    filePosition = response.filePosition();
                    fileRemaining = response.length();
                } else {
                    closeQuietly(response.file());
                }
                break;
            case STREAM:
                source = response.source();
                if (!sendBody) {
                    source.close();
                    source = null;
                } else if (streamBuffer != null) {
                    streamBuffer.clear().limit(0);
                }
                break;
            default:
                break;
        }
    }

    /** @return true while the body source has nothing to give and the writer waits for it */
    boolean waitingForSource() {
        return waitingForSource;
    }

    /** Called when the source announced data: the next write will pull from it again. */
    void sourceReady() {
        waitingForSource = false;
    }

    /** @return bytes of the response written so far, head included */
    long bytesSent() {
        return bytesSent;
    }

    /**
     * Performs one write.
     *
     * @return true when the whole response is written
     * @throws IOException when the connection or the body's file or source failed
     */
    boolean writeOnce(Transport transport) throws IOException {
        if (head.hasRemaining()) {
            int count = 0;
            gather[count++] = head;
            if (bytes != null && bytes.hasRemaining()) {
                gather[count++] = bytes;
            }
            bytesSent += transport.write(gather, 0, count);
            gather[0] = null;
            gather[1] = null;
            return isDone();
        }
        if (bytes != null && bytes.hasRemaining()) {
            gather[0] = bytes;
            bytesSent += transport.write(gather, 0, 1);
            gather[0] = null;
            return isDone();
        }
        if (file != null && fileRemaining > 0) {
            long sent = transport.transferFrom(file, filePosition, fileRemaining);
            if (sent == 0 && filePosition >= file.size()) {
                throw new IOException("file shrank while being sent");
            }
            filePosition += sent;
            fileRemaining -= sent;
            bytesSent += sent;
            return isDone();
        }
        if (source != null) {
            return writeStream(transport);
        }
        return true;
    }

    private boolean writeStream(Transport transport) throws IOException {
        if (!streamBuffer.hasRemaining()) {
            if (sourceEnded) {
                return true;
            }
            if (!fill()) {
                return isDone();
            }
        }
        gather[0] = streamBuffer;
        bytesSent += transport.write(gather, 0, 1);
        gather[0] = null;
        return isDone();
    }

    /** Pulls the next piece from the source into the stream buffer; false when the source has nothing now. */
    private boolean fill() throws IOException {
        streamBuffer.clear();
        if (chunked) {
            streamBuffer.position(CHUNK_HEAD_ROOM);
            streamBuffer.limit(streamBuffer.capacity() - 2 - LAST_CHUNK.length);
        }
        int read = source.read(streamBuffer);
        if (read == 0) {
            streamBuffer.clear().limit(0);
            waitingForSource = true;
            return false;
        }
        if (read < 0) {
            sourceEnded = true;
            streamBuffer.clear();
            if (chunked) {
                streamBuffer.put(LAST_CHUNK);
            }
            streamBuffer.flip();
            return streamBuffer.hasRemaining();
        }
        if (chunked) {
            if (streamBuffer.hasRemaining()) {
                // Room is left: ask once more, so that a source that has just ended sends its last chunk with its
                // last data, in one write and one segment. A last chunk in a segment of its own costs a write, and
                // siege 4.0.7 misses it: it waits on a finished response until the keep-alive timeout.
                int more = source.read(streamBuffer);
                if (more > 0) {
                    read += more;
                } else if (more < 0) {
                    sourceEnded = true;
                }
            }
            int dataEnd = streamBuffer.position();
            byte[] size = (Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            int start = CHUNK_HEAD_ROOM - size.length;
            streamBuffer.limit(streamBuffer.capacity());
            streamBuffer.position(start);
            streamBuffer.put(size);
            streamBuffer.position(dataEnd);
            streamBuffer.put((byte) '\r').put((byte) '\n');
            if (sourceEnded) {
                streamBuffer.put(LAST_CHUNK); // room kept for it by the limit above
            }
            streamBuffer.limit(streamBuffer.position()).position(start);
        } else {
            streamBuffer.flip();
        }
        return true;
    }

    private boolean isDone() {
        if (head.hasRemaining() || (bytes != null && bytes.hasRemaining())) {
            return false;
        }
        if (file != null) {
            return fileRemaining == 0;
        }
        if (source != null) {
            return sourceEnded && !streamBuffer.hasRemaining();
        }
        return true;
    }

    /** Releases the body's file or source; safe to call more than once. */
    void release() {
        if (file != null) {
            closeQuietly(file);
            file = null;
        }
        if (source != null) {
            try {
                source.close();
            } catch (RuntimeException e) {
                LOG.warn("body source failed to close", e);
            }
            source = null;
        }
        bytes = null;
        head = null;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a body file failed: {}", e.toString());
        }
    }
}
