package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StderrLogTest {

    @TempDir
    Path dir;

    @Test
    void keepsReadingAfterItsNameIsGoneAndReleasesTheFile() throws Exception {
        StderrLog log = StderrLog.create(dir, "cgi test");
        Path file = log.file();
        assertTrue(Files.exists(file));
        try (OutputStream writer = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            log.unlink();
            assertFalse(Files.exists(file), "unlinked while the writer holds it open");
            writer.write("line one\r\nline\u0007two\n".getBytes(StandardCharsets.UTF_8));
            writer.write(new byte[StderrLog.MAX_LINE * 2]);
            log.poll();
            writer.write("no newline".getBytes(StandardCharsets.UTF_8));
        }
        log.close();
        log.close();
        log.poll();
        assertFalse(Files.exists(file));
    }

    @Test
    void stopsReadingPastTheLoggingBound() throws Exception {
        StderrLog log = StderrLog.create(dir, "cgi test");
        byte[] line = "x".repeat(99).concat("\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream writer = Files.newOutputStream(log.file(), StandardOpenOption.APPEND)) {
            for (long written = 0; written < StderrLog.MAX_LOGGED * 3; written += line.length) {
                writer.write(line);
            }
        }
        log.poll();
        log.close();
        assertFalse(Files.exists(log.file()));
    }
}
