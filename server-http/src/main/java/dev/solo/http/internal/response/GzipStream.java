package dev.solo.http.internal.response;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip member (RFC 1952) produced piece by piece into whatever room the caller has: the 10-byte header, raw
 * deflate data from a {@link Deflater}, the CRC-32 and length trailer. Input is pulled from an {@link Input} that may
 * have nothing for now (a CGI script still thinking): what was compressed so far is then flushed with
 * {@link Deflater#SYNC_FLUSH}, so the client sees each piece of a slow response as it comes, not at the end.
 *
 * <p>Pooled by {@link DeflaterPool}: the {@code Deflater}'s native memory (about 256 KiB at the default window) is
 * reused across responses and released with {@link Deflater#end()} when the pool is full. Loop thread only.
 */
final class GzipStream {

    /** Magic, deflate, no flags, no time, no extra flags, OS unknown (RFC 1952 §2.3). */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER_LENGTH = 8;
    static final int INPUT_SIZE = 16 * 1024;

    /** Where the uncompressed bytes come from. */
    interface Input {
        /**
         * @param dst where to put bytes
         * @return bytes read, 0 when none are ready now, -1 at the end
         * @throws IOException when the body cannot be read
         */
        int readInput(ByteBuffer dst) throws IOException;
    }

    private enum State { RUN, FLUSH, FINISH, TRAILER, DONE }

    private final Deflater deflater = new Deflater(GzipSettings.DEFAULT_LEVEL, true);
    private final CRC32 crc = new CRC32();
    private final ByteBuffer input = ByteBuffer.allocate(INPUT_SIZE);
    private final byte[] trailer = new byte[TRAILER_LENGTH];
    private State state = State.RUN;
    private int headerSent;
    private int trailerSent;
    private long totalIn;
    private boolean unflushed;

    /** Makes the stream ready for a new member at a level. */
    void reset(int level) {
        deflater.reset();
        deflater.setLevel(level);
        crc.reset();
        input.clear().limit(0);
        state = State.RUN;
        headerSent = 0;
        trailerSent = 0;
        totalIn = 0;
        unflushed = false;
    }

    /** Frees the native memory; the stream is unusable afterwards. */
    void end() {
        deflater.end();
    }

    /**
     * Produces the next compressed bytes.
     *
     * @param dst where to put them
     * @param source the uncompressed body
     * @return bytes produced, 0 when the source has nothing now and everything so far is flushed, -1 at the end
     * @throws IOException from the source
     */
    int read(ByteBuffer dst, Input source) throws IOException {
        int start = dst.position();
        while (headerSent < HEADER.length && dst.hasRemaining()) {
            dst.put(HEADER[headerSent++]);
        }
        while (dst.hasRemaining() && state != State.DONE) {
            switch (state) {
                case TRAILER:
                    while (trailerSent < TRAILER_LENGTH && dst.hasRemaining()) {
                        dst.put(trailer[trailerSent++]);
                    }
                    if (trailerSent == TRAILER_LENGTH) {
                        state = State.DONE;
                    }
                    break;
                case FINISH:
                    deflater.deflate(dst, Deflater.NO_FLUSH);
                    if (deflater.finished()) {
                        writeTrailer();
                        state = State.TRAILER;
                    }
                    break;
                case FLUSH:
                    deflater.deflate(dst, Deflater.SYNC_FLUSH);
                    if (dst.hasRemaining()) {
                        // Room was left, so the flush is complete (Deflater#deflate's contract for SYNC_FLUSH).
                        unflushed = false;
                        state = State.RUN;
                    }
                    break;
                default:
                    if (!deflater.needsInput()) {
                        deflater.deflate(dst, Deflater.NO_FLUSH);
                        break;
                    }
                    input.clear();
                    int read = source.readInput(input);
                    input.flip();
                    if (read > 0) {
                        crc.update(input.array(), input.arrayOffset(), read);
                        totalIn += read;
                        deflater.setInput(input);
                        unflushed = true;
                    } else if (read < 0) {
                        deflater.finish();
                        state = State.FINISH;
                    } else if (unflushed) {
                        state = State.FLUSH;
                    } else {
                        return dst.position() - start;
                    }
                    break;
            }
        }
        int produced = dst.position() - start;
        return produced == 0 && state == State.DONE ? -1 : produced;
    }

    /** Compresses a whole body in memory: header, data, trailer. */
    byte[] compressAll(ByteBuffer body, byte[] scratch) {
        ByteBuffer in = body.duplicate();
        crc.update(in.duplicate());
        totalIn = in.remaining();
        deflater.setInput(in);
        deflater.finish();
        byte[] out = scratch;
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        int length = HEADER.length;
        while (!deflater.finished()) {
            if (length + TRAILER_LENGTH >= out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            length += deflater.deflate(out, length, out.length - length - TRAILER_LENGTH);
        }
        writeTrailer();
        byte[] result = java.util.Arrays.copyOf(out, length + TRAILER_LENGTH);
        System.arraycopy(trailer, 0, result, length, TRAILER_LENGTH);
        state = State.DONE;
        return result;
    }

    /** CRC-32 and ISIZE (input size modulo 2^32), little-endian (RFC 1952 §2.3.1). */
    private void writeTrailer() {
        long value = crc.getValue();
        long size = totalIn & 0xffffffffL;
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (value >>> (8 * i));
            trailer[4 + i] = (byte) (size >>> (8 * i));
        }
    }
}
