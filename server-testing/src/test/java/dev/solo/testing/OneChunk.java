package dev.solo.testing;

import dev.solo.http.BodySource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A stream body of unknown length that has all its bytes at once: the server sends it chunked. */
final class OneChunk implements BodySource {

    private final ByteBuffer bytes;

    OneChunk(String text) {
        bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read(ByteBuffer dst) {
        if (!bytes.hasRemaining()) {
            return -1;
        }
        int n = Math.min(dst.remaining(), bytes.remaining());
        ByteBuffer slice = bytes.slice();
        slice.limit(n);
        dst.put(slice);
        bytes.position(bytes.position() + n);
        return n;
    }

    @Override
    public void onReadable(Runnable listener) {
        listener.run();
    }

    @Override
    public void close() {
    }
}
