package dev.solo.http.internal.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class GzipStreamTest {

    /** Hands out pieces in order; an empty piece means "nothing for now". */
    private static final class Pieces implements GzipStream.Input {
        final ArrayDeque<byte[]> queue = new ArrayDeque<>();

        @Override
        public int readInput(ByteBuffer dst) {
            byte[] next = queue.peekFirst();
            if (next == null) {
                return -1;
            }
            if (next.length == 0) {
                queue.removeFirst();
                return 0;
            }
            int count = Math.min(dst.remaining(), next.length);
            dst.put(next, 0, count);
            queue.removeFirst();
            if (count < next.length) {
                byte[] rest = new byte[next.length - count];
                System.arraycopy(next, count, rest, 0, rest.length);
                queue.addFirst(rest);
            }
            return count;
        }
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static byte[] text(int size, long seed) {
        Random random = new Random(seed);
        String[] words = {"solo ", "loop ", "selector ", "gzip ", "<p>", "</p>\n", "deflate ", "chunk "};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < size) {
            out.writeBytes(words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII));
        }
        return java.util.Arrays.copyOf(out.toByteArray(), size);
    }

    @Test
    void compressesPieceByPieceIntoSmallRoomsAndDecodesToTheSameBytes() throws IOException {
        byte[] body = text(200_000, 1);
        Pieces input = new Pieces();
        for (int at = 0; at < body.length; at += 7_000) {
            input.queue.add(java.util.Arrays.copyOfRange(body, at, Math.min(body.length, at + 7_000)));
        }
        GzipStream stream = new GzipStream();
        stream.reset(6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer room = ByteBuffer.allocateDirect(5); // smaller than the header and the trailer
        int read;
        while ((read = stream.read(room.clear(), input)) >= 0) {
            room.flip();
            byte[] piece = new byte[room.remaining()];
            room.get(piece);
            out.writeBytes(piece);
            assertEquals(read, piece.length);
        }
        assertArrayEquals(body, gunzip(out.toByteArray()));
        assertTrue(out.size() < body.length / 3, "compressed to " + out.size());
        stream.end();
    }

    @Test
    void whatArrivedSoFarIsFlushedWhenTheSourceHasNothingForNow() throws IOException {
        GzipStream stream = new GzipStream();
        stream.reset(1);
        byte[][] ready = {"first part of a slow page\n".getBytes(StandardCharsets.US_ASCII)};
        boolean[] ended = {false};
        GzipStream.Input slow = dst -> {
            if (ready[0] == null) {
                return ended[0] ? -1 : 0;
            }
            dst.put(ready[0]);
            int n = ready[0].length;
            ready[0] = null;
            return n;
        };
        ByteBuffer room = ByteBuffer.allocate(16 * 1024);
        int first = stream.read(room, slow);
        assertTrue(first > 10, "the first part was flushed, not held back");
        // Without a trailer the member is incomplete, but everything flushed so far inflates.
        byte[] soFar = java.util.Arrays.copyOf(room.array(), first);
        Inflater inflater = new Inflater(true);
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(soFar, 10, first - 10), inflater)) {
            byte[] head = new byte[26];
            assertEquals(26, in.readNBytes(head, 0, 26));
            assertEquals("first part of a slow page\n", new String(head, StandardCharsets.US_ASCII));
        } finally {
            inflater.end();
        }
        assertEquals(0, stream.read(room.clear(), slow), "nothing new and nothing unflushed: the writer waits");
        ready[0] = "second part".getBytes(StandardCharsets.US_ASCII);
        ended[0] = true;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(soFar, 0, first);
        int read;
        while ((read = stream.read(room.clear(), slow)) >= 0) {
            all.write(room.array(), 0, read);
        }
        assertEquals("first part of a slow page\nsecond part", new String(gunzip(all.toByteArray()),
                StandardCharsets.US_ASCII));
        stream.end();
    }

    @Test
    void compressesAWholeBodyAtOnce() throws IOException {
        byte[] body = text(100_000, 2);
        GzipStream stream = new GzipStream();
        stream.reset(1);
        byte[] gzip = stream.compressAll(ByteBuffer.wrap(body).asReadOnlyBuffer(), new byte[1024]);
        assertArrayEquals(body, gunzip(gzip));
        stream.end();
    }

    @Test
    void thePoolReusesEndsAndBoundsItsDeflaters() {
        DeflaterPool pool = new DeflaterPool();
        GzipStream first = pool.acquire(1);
        pool.release(first);
        assertEquals(first, pool.acquire(6), "reused");
        GzipStream[] taken = new GzipStream[DeflaterPool.MAX_ACTIVE];
        taken[0] = first;
        for (int i = 1; i < taken.length; i++) {
            taken[i] = pool.acquire(1);
        }
        assertEquals(null, pool.acquire(1), "no more than MAX_ACTIVE at once");
        for (GzipStream s : taken) {
            pool.release(s);
        }
        assertEquals(0, pool.active());
        assertEquals(DeflaterPool.MAX_IDLE, pool.idle(), "the rest were ended");
    }
}
