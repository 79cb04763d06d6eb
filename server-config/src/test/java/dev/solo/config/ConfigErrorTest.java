package dev.solo.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigErrorTest {

    private static final Path FILE = Path.of("conf/solo.conf");

    @Test
    void positionPrintsFileLineAndColumnWithFileAsGiven() {
        assertEquals("conf/solo.conf:3:14", new SourcePosition(FILE, 3, 14).toString());
    }

    @Test
    void wholeFilePositionPrintsOnlyTheFile() {
        SourcePosition whole = SourcePosition.ofFile(FILE);

        assertTrue(whole.isWholeFile());
        assertEquals("conf/solo.conf", whole.toString());
    }

    @Test
    void positionRejectsNegativeNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new SourcePosition(FILE, -1, 1));
    }

    @Test
    void errorPrintsPositionThenMessage() {
        assertEquals("conf/solo.conf:3:14: bad thing", new ConfigError(new SourcePosition(FILE, 3, 14), "bad thing")
                .toString());
    }

    @Test
    void exceptionJoinsAllErrorsByNewlines() {
        ConfigError one = new ConfigError(new SourcePosition(FILE, 1, 1), "one");
        ConfigError two = new ConfigError(new SourcePosition(FILE, 2, 5), "two");

        ConfigException e = new ConfigException(List.of(one, two));

        assertEquals("conf/solo.conf:1:1: one\nconf/solo.conf:2:5: two", e.getMessage());
        assertEquals(List.of(one, two), e.errors());
    }

    @Test
    void exceptionForOneErrorKeepsItsCause() {
        RuntimeException cause = new RuntimeException("io");

        ConfigException e = new ConfigException(new ConfigError(SourcePosition.ofFile(FILE), "unreadable"), cause);

        assertSame(cause, e.getCause());
        assertEquals("conf/solo.conf: unreadable", e.getMessage());
    }

    @Test
    void exceptionNeedsAtLeastOneError() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigException(List.of()));
    }
}
