package dev.solo.app;

import dev.solo.app.internal.SoloLogbackProvider;
import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.core.BindFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code solo [--check] [CONFIG]}: serve, or with {@code --check} validate and summarise the config, like
 * {@code nginx -t}. Exit codes: 0 after a clean stop or a valid check, 1 for a config or bind error, 2 for usage.
 *
 * <p>Usage text, config errors and the {@code --check} summary go to standard output and error on purpose: they are
 * the command's answer to the user, not log events, and must read the same whatever the logging setup.
 */
public final class Main {

    /** SLF4J's own verbosity (its "SLF4J(I): ..." lines on standard error). */
    private static final String SLF4J_VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    static {
        // Before the first logger: SLF4J binds Logback through SoloLogbackProvider (a faster start, same logging; see
        // that class) unless the user named a provider, and keeps quiet about having been told which one to use.
        if (System.getProperty(SoloLogbackProvider.PROVIDER_PROPERTY) == null) {
            System.setProperty(SoloLogbackProvider.PROVIDER_PROPERTY, SoloLogbackProvider.class.getName());
            if (System.getProperty(SLF4J_VERBOSITY_PROPERTY) == null) {
                System.setProperty(SLF4J_VERBOSITY_PROPERTY, "WARN");
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final String DEFAULT_CONFIG = "examples/solo.conf";

    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs on the JVM's shutdown-hook thread after SIGINT or SIGTERM: asks the loop to stop (the only call that is
     * safe from another thread), waits for it, then halts with 0 — a clean stop is a success, not the JVM's 130/143.
     * After a normal return from {@link #run} the latch is already open and this returns at once.
     */
    private static void stopOnSignal(Solo solo, CountDownLatch stopped) {
        if (stopped.getCount() == 0) {
            return;
        }
        solo.stop();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(0);
    }

    static int run(String[] args) {
        boolean check = false;
        String config = null;
        for (String arg : args) {
            if (arg.equals("--check") || arg.equals("-t")) {
                check = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: solo [--check] [CONFIG]   (default CONFIG: " + DEFAULT_CONFIG + ")");
                return 0;
            } else if (arg.startsWith("-") || config != null) {
                System.err.println("solo: unexpected argument '" + arg + "'\nusage: solo [--check] [CONFIG]");
                return 2;
            } else {
                config = arg;
            }
        }
        Path file = Path.of(config != null ? config : DEFAULT_CONFIG);
        if (!Files.exists(file)) {
            System.err.println(file + ": no such config file");
            return 1;
        }
        Solo solo;
        try {
            solo = Solo.configure(file);
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                System.err.println(error);
            }
            System.err.println("solo: " + e.errors().size() + " error(s) in the configuration");
            return 1;
        }
        if (check) {
            System.out.println(file + ": configuration is valid");
            System.out.print(solo.summary());
            return 0;
        }
        try {
            solo.start();
        } catch (BindFailure e) {
            System.err.println(e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // The one thread besides the loop: the JVM runs shutdown hooks on their own thread when SIGINT/SIGTERM
        // arrive. It never touches a socket; it only calls the thread-safe Server.shutdown and waits.
        // (sun.misc.Signal would avoid it, but needs jdk.unsupported and brings a warning javac cannot suppress.)
        // Registered before the "listening" lines: a supervisor (or a test) that signals as soon as it reads them
        // must get the clean stop, not the JVM's default exit 143.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(solo, stopped), "solo-stop"));
        for (String line : solo.listeningLines()) {
            LOG.info(line);
        }
        solo.run();
        LOG.info("stopped");
        stopped.countDown();
        return 0;
    }
}
