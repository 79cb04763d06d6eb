package dev.solo.app.internal;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.StatusPrinter2;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding the {@code solo} command starts with: Logback, set up by {@link ConsoleLogConfigurator} directly.
 *
 * <p>Logback's own provider runs its {@link ContextInitializer} first, which looks for configurators with
 * {@link java.util.ServiceLoader} (searching the class path too) and writes status lines through string
 * concatenations whose first run spins method-handle classes: about a sixth of Solo's start-up, spent before the
 * configuration file is even read. This provider builds the same {@link LoggerContext} (name, MDC adapter, start) and
 * asks {@link ConsoleLogConfigurator} at once. When that steps aside because the user supplied a Logback
 * configuration ({@code logback.configurationFile}, a {@code logback.xml}), Logback's {@link ContextInitializer} runs
 * exactly as it would have, so user configurations behave as documented by Logback.
 *
 * <p>{@link dev.solo.app.Main} selects it through SLF4J's {@value #PROVIDER_PROPERTY} system property unless the
 * property is already set; it is not declared as a service, so code that loads SLF4J without that property (tests,
 * embedding) gets Logback's provider, which finds {@link ConsoleLogConfigurator} as a service and ends the same.
 */
public final class SoloLogbackProvider implements SLF4JServiceProvider {

    /** SLF4J's system property naming the provider to use instead of searching for one. */
    public static final String PROVIDER_PROPERTY = "slf4j.provider";
    /** The SLF4J API version this binding is written against (the one Logback 1.5 declares). */
    private static final String REQUESTED_API_VERSION = "2.0.99";

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdcAdapter = new LogbackMDCAdapter();

    /** Instantiated by SLF4J (reflectively, by class name). */
    public SoloLogbackProvider() {
    }

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdcAdapter);
        ConsoleLogConfigurator console = new ConsoleLogConfigurator();
        console.setContext(context);
        if (console.configure(context) != ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY) {
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                // Logback has recorded the failure as an error status; it is printed below, as Logback would.
            }
        }
        if (!StatusUtil.contextHasStatusListener(context)) {
            new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
        }
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}
