package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrLogTest {

    /** A pipe's read end as the JDK gives it: {@code available()} says what can be read without waiting. */
    private static InputStream pipe(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    private static byte[] lines(long total) {
        byte[] line = "x".repeat(99).concat("\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[(int) total];
        for (int i = 0; i < all.length; i++) {
            all[i] = line[i % line.length];
        }
        return all;
    }

    @Test
    void readsAtMostABoundedAmountPerPoll() {
        byte[] written = lines(StderrLog.MAX_READ_PER_POLL * 3L);
        StderrLog log = new StderrLog(pipe(written), "cgi test");
        assertEquals(StderrLog.MAX_READ_PER_POLL, log.poll());
        assertEquals(StderrLog.MAX_READ_PER_POLL, log.poll());
        assertEquals(StderrLog.MAX_READ_PER_POLL, log.poll());
        assertEquals(0, log.poll(), "nothing left: the script may write again");
    }

    @Test
    void logsTheFirstLinesAndCountsTheRest() {
        byte[] written = lines(StderrLog.MAX_LOGGED * 3);
        StderrLog log = new StderrLog(pipe(written), "cgi test");
        while (log.poll() > 0) {
            // Drain as the run's polls do.
        }
        log.close();
        // Lines of 100 bytes are logged until the bound is passed; every later byte is counted and dropped.
        long loggedLines = (StderrLog.MAX_LOGGED + 99) / 100;
        assertEquals(written.length - loggedLines * 100, log.droppedBytes());
    }

    @Test
    void logsALastLineWithoutNewlineAndClosesThePipeOnce() {
        boolean[] closed = new boolean[1];
        InputStream in = new ByteArrayInputStream("line one\r\nline\u0007two\nno newline".getBytes(
                StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        StderrLog log = new StderrLog(in, "cgi test");
        log.poll();
        log.close();
        log.close();
        assertEquals(0, log.poll(), "nothing read after close");
        assertEquals(true, closed[0]);
        assertEquals(0, log.droppedBytes());
    }

    @Test
    void survivesAFailingPipe() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public int available() throws IOException {
                throw new IOException("broken pipe");
            }
        };
        StderrLog log = new StderrLog(broken, "cgi test");
        assertEquals(0, log.poll());
        log.close();
        assertThrows(IOException.class, broken::available, "the stream itself still fails");
    }
}
