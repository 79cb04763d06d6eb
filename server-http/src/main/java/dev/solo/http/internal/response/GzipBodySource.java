package dev.solo.http.internal.response;

import dev.solo.http.BodySource;
import dev.solo.http.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A response body compressed as the socket takes it: bytes, a file region read in {@link GzipStream#INPUT_SIZE}
 * pieces (never the whole file in memory), or another {@link BodySource} such as a CGI script's output, compressed
 * as it arrives. The deflater comes from the pool with the response (a HEAD response, never read, takes none) and
 * goes back on {@link #close()}, which the server calls once whether the body ended or was cut.
 */
final class GzipBodySource implements BodySource, GzipStream.Input {

    private static final Logger LOG = LoggerFactory.getLogger(GzipBodySource.class);

    private final DeflaterPool pool;
    private final ByteBuffer bytes;
    private final FileChannel file;
    private long filePosition;
    private long fileRemaining;
    private final BodySource source;
    private GzipStream stream;
    private boolean closed;

    /**
     * @param pool where the stream goes back to
     * @param stream a stream taken from the pool, or null for a response whose body is never sent (HEAD)
     * @param response the response whose body to compress
     */
    GzipBodySource(DeflaterPool pool, GzipStream stream, Response response) {
        this.pool = pool;
        this.stream = stream;
        switch (response.bodyKind()) {
            case BYTES:
                bytes = response.bytes().duplicate();
                file = null;
                source = null;
                break;
            case FILE:
                bytes = null;
                file = response.file();
                filePosition = response.filePosition();
                fileRemaining = response.length();
                source = null;
                break;
            case STREAM:
                bytes = null;
                file = null;
                source = response.source();
                break;
            default:
                bytes = ByteBuffer.allocate(0);
                file = null;
                source = null;
                break;
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (closed) {
            return -1;
        }
        if (stream == null) {
            throw new IOException("a body without a deflater was read");
        }
        return stream.read(dst, this);
    }

    /** The uncompressed body, for {@link GzipStream}. */
    @Override
    public int readInput(ByteBuffer dst) throws IOException {
        if (bytes != null) {
            if (!bytes.hasRemaining()) {
                return -1;
            }
            int count = Math.min(dst.remaining(), bytes.remaining());
            ByteBuffer piece = bytes.duplicate();
            piece.limit(piece.position() + count);
            dst.put(piece);
            bytes.position(bytes.position() + count);
            return count;
        }
        if (file != null) {
            if (fileRemaining == 0) {
                return -1;
            }
            if (dst.remaining() > fileRemaining) {
                dst.limit(dst.position() + (int) fileRemaining);
            }
            int read = file.read(dst, filePosition);
            if (read <= 0) {
                throw new IOException("file shrank while being sent");
            }
            filePosition += read;
            fileRemaining -= read;
            return read;
        }
        return source.read(dst);
    }

    @Override
    public void onReadable(Runnable listener) {
        if (source != null) {
            source.onReadable(listener);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stream != null) {
            pool.release(stream);
            stream = null;
        }
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.debug("closing a body file failed: {}", e.toString());
            }
        }
        if (source != null) {
            source.close();
        }
    }
}
