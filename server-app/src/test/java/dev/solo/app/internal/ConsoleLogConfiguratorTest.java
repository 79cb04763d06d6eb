package dev.solo.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.status.StatusUtil;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleLogConfiguratorTest {

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
        configurator.setContext(context);
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));
        return context;
    }

    @Test
    void sendsTheRootLoggerAtInfoToOneConsoleAppenderWithTheSoloLineFormat() {
        Logger root = configured().getLogger(Logger.ROOT_LOGGER_NAME);

        assertEquals(Level.INFO, root.getLevel());
        Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
        assertInstanceOf(ConsoleAppender.class, console);
        assertTrue(console.isStarted());
        LayoutWrappingEncoder<ILoggingEvent> encoder = (LayoutWrappingEncoder<ILoggingEvent>)
                ((ConsoleAppender<ILoggingEvent>) console).getEncoder();
        assertInstanceOf(ConsoleLineLayout.class, encoder.getLayout());
        assertEquals("System.out", ((ConsoleAppender<ILoggingEvent>) console).getTarget());
    }

    @Test
    void givesTheAccessLogTheSameConsoleAtInfoWithoutPassingLinesToTheRoot() {
        LoggerContext context = configured();
        Logger access = context.getLogger(ConsoleLogConfigurator.ACCESS_LOGGER);

        assertEquals(Level.INFO, access.getLevel());
        assertFalse(access.isAdditive());
        assertSame(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"), access.getAppender("CONSOLE"));
    }

    @Test
    void installsAQuietStatusListenerWhenTheSetUpReportedNothing() {
        assertTrue(StatusUtil.contextHasStatusListener(configured()));
    }

    @ParameterizedTest
    @CsvSource(value = {"DEBUG, DEBUG", "debug, DEBUG", "' warn ', WARN", "OFF, OFF", "TRACE, TRACE", "loud, INFO",
        "'', INFO", "NULL, INFO"}, nullValues = "NULL")
    void readsTheRootLevelFromTheSystemPropertyFallingBackToInfo(String value, String level) {
        assertEquals(Level.toLevel(level), ConsoleLogConfigurator.rootLevel(value));
    }

    @Test
    void stepsAsideWhenTheUserNamesALogbackConfigurationFile() {
        String previous = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/solo/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
            configurator.setContext(context);

            assertEquals(ExecutionStatus.NEUTRAL, configurator.configure(context));
            assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"));
        } finally {
            if (previous == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", previous);
            }
        }
    }

    @Test
    void recognisesAResourceInItsOwnJarOrClassesDirectoryButNotElsewhere() throws Exception {
        Path jar = Path.of("/work/solo/server-app/target/modules/server-app.jar");
        Path classes = Path.of("/work/solo/server-app/target/classes");

        assertTrue(ConsoleLogConfigurator.isInside(
                new URL("jar:file:///work/solo/server-app/target/modules/server-app.jar!/logback.xml"), jar));
        assertTrue(ConsoleLogConfigurator.isInside(
                new URL("jar:file:/work/solo/server-app/target/modules/server-app.jar!/logback.xml"), jar));
        assertTrue(ConsoleLogConfigurator.isInside(
                new URL("file:/work/solo/server-app/target/classes/logback.xml"), classes));
        assertFalse(ConsoleLogConfigurator.isInside(
                new URL("jar:file:/work/solo/other/user-logging.jar!/logback.xml"), jar));
        assertFalse(ConsoleLogConfigurator.isInside(new URL("file:/etc/solo/logback.xml"), classes));
        assertFalse(ConsoleLogConfigurator.isInside(new URL("file:/etc/solo/logback.xml"), null));
    }
}
