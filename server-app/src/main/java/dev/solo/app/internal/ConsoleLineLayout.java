package dev.solo.app.internal;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.TimeZone;

/**
 * Formats an event exactly as the pattern {@value ConsoleLogConfigurator#PATTERN} does, written out by hand.
 *
 * <p>Why not Logback's {@code PatternLayout}: compiling a pattern parses it into a tree of converters, and its date
 * converter brings up {@code java.time}'s formatter and zone-rules provider; together a measurable part of the
 * server's start-up for a format that never changes. The exception part (what {@code PatternLayout} appends when the
 * pattern has none) is still Logback's own {@link ThrowableProxyConverter}, so stack traces read the same.
 *
 * <p>Thread-safe: Logback calls {@link #doLayout} outside its appender lock, from whichever thread logs (the loop, and
 * the shutdown-hook thread at a stop). The only state that changes is the cached start of the line for the current
 * second, published as one immutable object.
 */
public final class ConsoleLineLayout extends LayoutBase<ILoggingEvent> {

    private static final int LEVEL_WIDTH = 5;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final TimeZone zone;
    private final ThrowableProxyConverter throwables = new ThrowableProxyConverter();
    private volatile SecondPrefix cached = new SecondPrefix(Long.MIN_VALUE, "");

    /** The start of a line for one wall-clock second: {@code HH:mm:ss.} in the zone of this layout. */
    private static final class SecondPrefix {
        final long epochSecond;
        final String text;

        SecondPrefix(long epochSecond, String text) {
            this.epochSecond = epochSecond;
            this.text = text;
        }
    }

    /** A layout in the JVM's default time zone, as {@code %d} without a zone uses. */
    public ConsoleLineLayout() {
        this(TimeZone.getDefault());
    }

    /**
     * @param zone the time zone of the {@code HH:mm:ss.SSS} stamp
     */
    ConsoleLineLayout(TimeZone zone) {
        this.zone = (TimeZone) zone.clone();
    }

    @Override
    public void start() {
        throwables.setContext(getContext());
        throwables.start();
        super.start();
    }

    @Override
    public void stop() {
        throwables.stop();
        super.stop();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        appendTime(line, event.getTimeStamp());
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < LEVEL_WIDTH; i++) {
            line.append(' ');
        }
        line.append(' ');
        String logger = event.getLoggerName();
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length());
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            line.append(throwables.convert(event));
        }
        return line.toString();
    }

    private void appendTime(StringBuilder line, long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000L);
        SecondPrefix prefix = cached;
        if (prefix.epochSecond != epochSecond) {
            prefix = new SecondPrefix(epochSecond, secondPrefix(epochSecond * 1000L));
            cached = prefix;
        }
        line.append(prefix.text);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        line.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10));
    }

    private String secondPrefix(long secondStartMillis) {
        long local = secondStartMillis + zone.getOffset(secondStartMillis);
        int secondOfDay = (int) (Math.floorMod(local, MILLIS_PER_DAY) / 1000L);
        char[] text = new char[9];
        twoDigits(text, 0, secondOfDay / 3600);
        text[2] = ':';
        twoDigits(text, 3, secondOfDay / 60 % 60);
        text[5] = ':';
        twoDigits(text, 6, secondOfDay % 60);
        return new String(text, 0, 8) + '.';
    }

    private static void twoDigits(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
