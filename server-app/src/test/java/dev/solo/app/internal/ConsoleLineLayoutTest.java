package dev.solo.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written layout must print exactly what Logback's {@code PatternLayout} prints for the pattern it replaces,
 * so each case formats the same event with both and compares.
 */
class ConsoleLineLayoutTest {

    private final LoggerContext context = new LoggerContext();

    private ConsoleLineLayout layout(String zone) {
        ConsoleLineLayout layout = new ConsoleLineLayout(TimeZone.getTimeZone(zone));
        layout.setContext(context);
        layout.start();
        return layout;
    }

    /** The reference: the former logback.xml's pattern, with the zone named so both sides use the same one. */
    private PatternLayout reference(String zone) {
        PatternLayout reference = new PatternLayout();
        reference.setContext(context);
        String pattern = ConsoleLogConfigurator.PATTERN;
        reference.setPattern(pattern.replace("%d{HH:mm:ss.SSS}", "%d{HH:mm:ss.SSS," + zone + "}"));
        reference.start();
        return reference;
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable thrown, Object... args) {
        Logger log = context.getLogger(logger);
        return new LoggingEvent(Logger.class.getName(), log, level, message, thrown, args);
    }

    private void assertSameAsPattern(String zone, LoggingEvent event) {
        assertEquals(reference(zone).doLayout(event), layout(zone).doLayout(event));
    }

    @ParameterizedTest
    @CsvSource({
        "UTC, 2026-11-25T20:35:08.123Z",
        "UTC, 2026-11-25T00:00:00.000Z",
        "UTC, 2026-11-25T23:59:59.999Z",
        "Europe/Berlin, 2026-03-29T00:59:59.999Z",
        "Europe/Berlin, 2026-03-29T01:00:00.000Z",
        "Europe/Berlin, 2026-10-25T00:30:00.007Z",
        "Europe/Berlin, 2026-10-25T01:30:00.070Z",
        "Asia/Kolkata, 2026-06-01T18:29:59.500Z",
        "America/St_Johns, 1969-12-31T23:59:59.001Z",
    })
    void printsTheTimeOfDayAsThePatternDoesInEveryZone(String zone, String instant) {
        LoggingEvent event = event("dev.solo.app.Main", Level.INFO, "listening on {}", null, "127.0.0.1:8080");
        event.setTimeStamp(Instant.parse(instant).toEpochMilli());

        assertSameAsPattern(zone, event);
    }

    @ParameterizedTest
    @CsvSource({"TRACE", "DEBUG", "INFO", "WARN", "ERROR"})
    void padsEveryLevelToFiveCharacters(String level) {
        assertSameAsPattern("UTC", event("dev.solo.core.internal.SelectorLoop", Level.toLevel(level), "m", null));
    }

    @ParameterizedTest
    @CsvSource({"dev.solo.access", "noDots", "trailing.", "a.b.C$Inner"})
    void keepsOnlyTheLastPartOfTheLoggerName(String logger) {
        assertSameAsPattern("UTC", event(logger, Level.INFO, "m", null));
    }

    @Test
    void printsMessagesWithArgumentsAndNullsAsThePatternDoes() {
        assertSameAsPattern("UTC", event("x.Y", Level.WARN, "a {} b {} c {}", null, "1", null, 3));
        assertSameAsPattern("UTC", event("x.Y", Level.WARN, null, null));
    }

    @Test
    void appendsStackTracesWithCausesAndSuppressedExceptionsAsThePatternDoes() {
        IOException cause = new IOException("disk full");
        IllegalStateException thrown = new IllegalStateException("handler failed", new UncheckedIOException(cause));
        thrown.addSuppressed(new IllegalArgumentException("while closing"));

        LoggingEvent event = event("dev.solo.http.internal.connection.HttpConnection", Level.ERROR,
                "GET /x failed", thrown);
        String line = layout("UTC").doLayout(event);

        assertEquals(reference("UTC").doLayout(event), line);
        assertTrue(line.contains("Caused by: java.io.IOException: disk full"), line);
        assertTrue(line.contains("Suppressed: java.lang.IllegalArgumentException: while closing"), line);
    }

    @Test
    void reusesTheStartOfTheLineWithinASecondButNotAcrossSeconds() {
        ConsoleLineLayout layout = layout("UTC");
        LoggingEvent event = event("x.Y", Level.INFO, "m", null);
        long second = Instant.parse("2026-11-25T20:35:08Z").toEpochMilli();

        event.setTimeStamp(second + 5);
        assertTrue(layout.doLayout(event).startsWith("20:35:08.005 "));
        event.setTimeStamp(second + 999);
        assertTrue(layout.doLayout(event).startsWith("20:35:08.999 "));
        event.setTimeStamp(second + 1000);
        assertTrue(layout.doLayout(event).startsWith("20:35:09.000 "));
        event.setTimeStamp(second - 1);
        assertTrue(layout.doLayout(event).startsWith("20:35:07.999 "));
    }
}
