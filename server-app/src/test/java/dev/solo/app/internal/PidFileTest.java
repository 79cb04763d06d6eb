package dev.solo.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void writesThisProcessOverAStaleFileAndRemovesItAtTheEnd() throws Exception {
        Path file = dir.resolve("solo.pid");
        Files.writeString(file, "999999999\n");
        PidFile pid = PidFile.write(file).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), PidFile.read(file));
        pid.remove();
        assertFalse(Files.exists(file));
    }

    @Test
    void leavesAFileThatAnotherStartTookOver() throws Exception {
        Path file = dir.resolve("solo.pid");
        PidFile pid = PidFile.write(file).orElseThrow();
        Files.writeString(file, "12345\n");
        pid.remove();
        assertEquals(12345, PidFile.read(file));
    }

    @Test
    void aFileThatCannotBeWrittenIsAWarningNotAFailure() {
        assertTrue(PidFile.write(dir.resolve("missing/solo.pid")).isEmpty());
    }

    @Test
    void rejectsAFileWithoutANumber() throws Exception {
        Path file = Files.writeString(dir.resolve("solo.pid"), "solo\n");
        assertThrows(IOException.class, () -> PidFile.read(file));
    }
}
