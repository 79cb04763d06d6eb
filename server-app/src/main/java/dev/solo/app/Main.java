package dev.solo.app;

import dev.solo.app.internal.ParentWatch;
import dev.solo.app.internal.PidFile;
import dev.solo.app.internal.ReloadCommand;
import dev.solo.app.internal.Signals;
import dev.solo.app.internal.SoloLogbackProvider;
import dev.solo.app.internal.Supervisor;
import dev.solo.app.internal.WorkerCommand;
import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.core.BindFailure;
import dev.solo.core.Listener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code solo [--check | --reload] [CONFIG]}: serve, or with {@code --check} validate and summarise the config, like
 * {@code nginx -t}, or with {@code --reload} validate it and send SIGHUP to the solo named by its {@code pid FILE;},
 * like {@code nginx -s reload}. With {@code worker_processes} above 1 this process becomes the
 * {@link dev.solo.app.internal.Supervisor} of that many workers (each started with the hidden {@code --worker}).
 * Exit codes: 0 after a clean stop or a valid check, 1 for a config or bind error (or workers that cannot start, or a
 * reload that could not be sent), 2 for usage; a worker that cannot start exits with
 * {@link Supervisor#START_FAILURE}.
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
    private static final String USAGE = "solo [--check | --reload] [CONFIG]";
    /** Marks the command line of a worker process (see Supervisor); not for users. */
    static final String WORKER_FLAG = "--worker";

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
    private static void stopOnSignal(Solo solo, CountDownLatch stopped, Optional<PidFile> pid) {
        if (stopped.getCount() == 0) {
            return;
        }
        solo.stop();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pid.ifPresent(PidFile::remove);
        Runtime.getRuntime().halt(0);
    }

    static int run(String[] args) {
        boolean check = false;
        boolean reload = false;
        boolean worker = false;
        String config = null;
        for (String arg : args) {
            if (arg.equals("--check") || arg.equals("-t")) {
                check = true;
            } else if (arg.equals("--reload")) {
                reload = true;
            } else if (arg.equals(WORKER_FLAG)) {
                worker = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: " + USAGE + "   (default CONFIG: " + DEFAULT_CONFIG + ")");
                return 0;
            } else if (arg.startsWith("-") || config != null) {
                System.err.println("solo: unexpected argument '" + arg + "'\nusage: " + USAGE);
                return 2;
            } else {
                config = arg;
            }
        }
        if (check && reload) {
            System.err.println("solo: --check and --reload do not go together\nusage: " + USAGE);
            return 2;
        }
        Path file = Path.of(config != null ? config : DEFAULT_CONFIG);
        if (!Files.exists(file)) {
            System.err.println(file + ": no such config file");
            return 1;
        }
        Solo solo;
        try {
            solo = Solo.configure(file, worker);
        } catch (ConfigException e) {
            printErrors(e);
            return worker ? Supervisor.START_FAILURE : 1;
        } catch (ServiceConfigurationError e) {
            // A plugin module on the path whose provider cannot be created (its constructor threw, a class is
            // missing): the user needs its name and the reason, not a stack trace.
            Throwable cause = e.getCause();
            System.err.println("solo: a plugin could not be loaded: " + e.getMessage()
                    + (cause != null ? " (" + cause + ")" : ""));
            return worker ? Supervisor.START_FAILURE : 1;
        }
        if (check) {
            System.out.println(file + ": configuration is valid");
            System.out.print(solo.summary());
            for (String warning : solo.warnings()) {
                System.out.println("warning: " + warning);
            }
            return 0;
        }
        if (reload) {
            return ReloadCommand.send(file, solo.settings());
        }
        int workers = solo.settings().workerProcesses();
        if (!worker && workers > 1) {
            return supervise(file, solo, workers, args);
        }
        for (String warning : solo.warnings()) {
            LOG.warn("{}", warning);
        }
        return serve(solo, worker);
    }

    private static void printErrors(ConfigException e) {
        for (ConfigError error : e.errors()) {
            System.err.println(error);
        }
        System.err.println("solo: " + e.errors().size() + " error(s) in the configuration");
    }

    /** Becomes the supervisor of {@code workers} processes, each this command with {@value #WORKER_FLAG}. */
    private static int supervise(Path file, Solo solo, int workers, String[] args) {
        // Workers each bind every address: port 0 would give each its own port, so it is an error here.
        int errors = 0;
        for (Listener listener : solo.configuredListeners()) {
            if (listener.address().getPort() == 0) {
                System.err.println(listener.origin() + ": worker_processes " + workers + " needs fixed ports: with"
                        + " port 0 each worker would listen on a port of its own");
                errors++;
            }
        }
        if (errors > 0) {
            System.err.println("solo: " + errors + " error(s) in the configuration");
            return 1;
        }
        Optional<PidFile> pid = solo.settings().pidFile().flatMap(PidFile::write);
        try {
            return Supervisor.run(WorkerCommand.of(args, WORKER_FLAG, file), workers, Solo.SHUTDOWN_GRACE);
        } finally {
            pid.ifPresent(PidFile::remove);
        }
    }

    private static int serve(Solo solo, boolean worker) {
        // SIGHUP reloads (see Signals for how it is caught without a compiler warning); its handler only queues the
        // reload on the loop. Installed before binding: a HUP sent as soon as "listening on" shows must not end the
        // JVM, whose default for HUP is to exit.
        Signals.handle("HUP", solo::reload);
        try {
            solo.start();
        } catch (BindFailure e) {
            System.err.println(e.getMessage());
            return worker ? Supervisor.START_FAILURE : 1;
        }
        // Written, and the stop hook added, before "listening on": whoever waits for that line may use the file, or
        // stop the server, at once.
        Optional<PidFile> pid = worker ? Optional.empty() : solo.settings().pidFile().flatMap(PidFile::write);
        CountDownLatch stopped = new CountDownLatch(1);
        // The one thread besides the loop: the JVM runs shutdown hooks on their own thread when SIGINT/SIGTERM
        // arrive. It never touches a socket; it only calls the thread-safe Server.shutdown and waits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(solo, stopped, pid), "solo-stop"));
        if (worker) {
            ParentWatch.start(solo.loop(), ParentWatch.supervisorPid(), solo::stop);
        }
        for (String line : solo.listeningLines()) {
            if (worker) {
                LOG.info("worker {}: {}", ProcessHandle.current().pid(), line);
            } else {
                LOG.info(line);
            }
        }
        try {
            solo.run();
            LOG.info("stopped");
        } catch (Throwable e) {
            // The loop's own machinery failed (an Error outside any connection: see SelectorLoop). Exit non-zero so a
            // supervisor restarts the process; the latch below still opens, or the shutdown hook would wait for ever.
            LOG.error("the event loop failed", e);
            return 1;
        } finally {
            pid.ifPresent(PidFile::remove);
            stopped.countDown();
        }
        return 0;
    }
}
