package dev.solo.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoloLogbackProviderTest {

    private static LoggerContext initialized(SoloLogbackProvider provider) {
        provider.initialize();
        return assertInstanceOf(LoggerContext.class, provider.getLoggerFactory());
    }

    @Test
    void startsAContextWithTheConsoleSetUpAndLogbacksMdc() {
        SoloLogbackProvider provider = new SoloLogbackProvider();
        LoggerContext context = initialized(provider);

        assertTrue(context.isStarted());
        assertEquals(CoreConstants.DEFAULT_CONTEXT_NAME, context.getName());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        assertInstanceOf(ConsoleAppender.class, root.getAppender("CONSOLE"));
        assertSame(provider.getMDCAdapter(), context.getMDCAdapter());
        assertNotNull(provider.getMarkerFactory().getMarker("x"));
        assertEquals("2.0.99", provider.getRequestedApiVersion());
    }

    @Test
    void leavesAUserConfigurationFileToLogback(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("logback.xml");
        Files.writeString(xml, "<configuration>\n"
                + "  <appender name=\"USER\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder><pattern>%msg%n</pattern></encoder>\n"
                + "  </appender>\n"
                + "  <root level=\"WARN\"><appender-ref ref=\"USER\"/></root>\n"
                + "</configuration>\n");
        String previous = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", xml.toString());
        try {
            Logger root = initialized(new SoloLogbackProvider()).getLogger(Logger.ROOT_LOGGER_NAME);

            assertEquals(Level.WARN, root.getLevel());
            Appender<ILoggingEvent> user = root.getAppender("USER");
            assertInstanceOf(ConsoleAppender.class, user);
            assertNull(root.getAppender("CONSOLE"));
        } finally {
            if (previous == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", previous);
            }
        }
    }
}
