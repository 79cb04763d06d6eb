package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodySpoolTest {

    @TempDir
    Path dir;

    @Test
    void writesTheBodyAndReportsCompletion() throws Exception {
        AtomicBoolean completed = new AtomicBoolean();
        BodySpool spool = BodySpool.create(dir, 100, () -> completed.set(true), cause -> { });
        spool.onData(ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)));
        spool.onData(ByteBuffer.wrap("de".getBytes(StandardCharsets.US_ASCII)));
        spool.onComplete();
        assertTrue(completed.get());
        assertEquals(5, spool.size());
        assertEquals("abcde", Files.readString(spool.file()));
        spool.delete();
        spool.delete();
        assertFalse(Files.exists(spool.file()));
    }

    @Test
    void refusesMoreThanTheLimit() throws Exception {
        BodySpool spool = BodySpool.create(dir, 4, () -> { }, cause -> { });
        assertThrows(IOException.class, () -> spool.onData(ByteBuffer.allocate(5)));
        spool.delete();
    }

    @Test
    void deletesTheFileWhenTheBodyIsAborted() throws Exception {
        AtomicReference<Throwable> aborted = new AtomicReference<>();
        BodySpool spool = BodySpool.create(dir, 100, () -> { }, aborted::set);
        spool.onData(ByteBuffer.allocate(10));
        IOException cause = new IOException("gone");
        spool.onAbort(cause);
        assertEquals(cause, aborted.get());
        assertFalse(Files.exists(spool.file()));
    }
}
