package dev.solo.app.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusUtil;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;

/**
 * Solo's default logging, set up in code: the error log on standard output as
 * {@code HH:mm:ss.SSS LEVEL Logger - message}, root level from the system property {@code solo.log.level} (default
 * INFO), and the access-log logger {@code dev.solo.access} at INFO on the same console without additivity, so no line
 * is printed twice.
 *
 * <p>Why code and not a {@code logback.xml}: Logback's XML configurator (Joran, with the JDK's XML parser and a
 * reflective model of every element) loaded about 700 classes and took more than half of the server's start-up. This
 * builds the same appender, encoder and loggers directly.
 *
 * <p>Logback asks the configurators it finds with {@link java.util.ServiceLoader} before its own XML one. This one
 * steps aside ({@link ExecutionStatus#NEUTRAL}) when the user chose a configuration the way Logback documents it —
 * the system property {@code logback.configurationFile}, or a {@code logback-test.xml} or {@code logback.xml} on the
 * class or module path — so those keep working exactly as before.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

    /** The error-log line format, as the former {@code logback.xml} had it. */
    public static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    /** The system property that sets the root level, e.g. {@code -Dsolo.log.level=DEBUG}. */
    public static final String LEVEL_PROPERTY = "solo.log.level";
    /** The access log's logger (written by the http module when the config says {@code access_log on;}). */
    public static final String ACCESS_LOGGER = "dev.solo.access";

    private static final StatusListener IGNORE_STATUS = new IgnoreStatus();
    private static final String[] USER_FILES = {"logback-test.xml", "logback.xml"};
    private static final String USER_FILE_PROPERTY = "logback.configurationFile";

    /** A status listener that ignores everything (a class rather than a lambda: no bootstrap at start-up). */
    private static final class IgnoreStatus implements StatusListener {
        @Override
        public void addStatusEvent(Status status) {
            // Deliberately nothing: see configure.
        }
    }

    /** Instantiated by Logback through {@link java.util.ServiceLoader}. */
    public ConsoleLogConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (userConfigurationPresent()) {
            addInfo("a user-supplied Logback configuration is present; leaving it to Logback's own configurator");
            return ExecutionStatus.NEUTRAL;
        }
        ConsoleAppender<ILoggingEvent> console = console(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel(System.getProperty(LEVEL_PROPERTY)));
        root.addAppender(console);

        Logger access = context.getLogger(ACCESS_LOGGER);
        access.setLevel(Level.INFO);
        access.setAdditive(false);
        access.addAppender(console);

        if (!StatusUtil.contextHasStatusListener(context)
                && new StatusUtil(context).getHighestLevel(0) < Status.WARN) {
            // Nothing to report. Logback prints the set-up's warnings and errors when no status listener is installed;
            // the class that does it brings up java.time's zone rules just to stamp them, a cost paid even when there is
            // nothing to print. A listener that ignores everything skips that and changes nothing else: statuses after
            // the set-up are never printed by default. (With warnings or errors, Logback prints them as usual.)
            context.getStatusManager().add(IGNORE_STATUS);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * @param value the value of {@value #LEVEL_PROPERTY}, or null
     * @return that level (any case); INFO when absent or not a level name, so a typo does not flood the console
     */
    static Level rootLevel(String value) {
        return value == null ? Level.INFO : Level.toLevel(value.trim(), Level.INFO);
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleLineLayout layout = new ConsoleLineLayout();
        layout.setContext(context);
        layout.start();

        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        return console;
    }

    private static boolean userConfigurationPresent() {
        if (System.getProperty(USER_FILE_PROPERTY) != null) {
            return true;
        }
        ClassLoader loader = ConsoleLogConfigurator.class.getClassLoader();
        Path own = ownLocation();
        try {
            for (String file : USER_FILES) {
                Enumeration<URL> found = loader.getResources(file);
                while (found.hasMoreElements()) {
                    if (!isInside(found.nextElement(), own)) {
                        return true;
                    }
                }
            }
        } catch (IOException e) {
            // An unreadable class path entry: Logback's own configurator will meet it too and report it.
            return true;
        }
        return false;
    }

    /**
     * Tells whether a resource lies in a given jar or directory. A {@code logback.xml} inside this module's own jar or
     * classes directory is a leftover of builds from before this class replaced it (Maven's resources step does not
     * delete files from {@code target/classes}), not the user's choice.
     *
     * @param resource a {@code jar:file:…!/name} or {@code file:…} URL
     * @param location a jar or a directory, or null
     * @return true when the resource is in that jar or under that directory
     */
    static boolean isInside(URL resource, Path location) {
        if (location == null) {
            return false;
        }
        String url = resource.toString();
        try {
            if (url.startsWith("jar:")) {
                int separator = url.indexOf("!/");
                return separator > 0 && Path.of(new URI(url.substring(4, separator))).equals(location);
            }
            return url.startsWith("file:") && Path.of(resource.toURI()).startsWith(location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Path ownLocation() {
        CodeSource source = ConsoleLogConfigurator.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
