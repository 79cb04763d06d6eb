package dev.solo.app.internal;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The directives about the {@code solo} process itself, read by the launcher before anything is bound:
 * {@code worker_processes N|auto;} (how many serving processes; default 1, {@code auto} = one per core) and
 * {@code pid FILE;} (where the running process writes its id for {@code solo --reload}; no file without it).
 */
public final class ProcessDirectives implements DirectiveProvider {

    /** The largest {@code worker_processes}: far beyond any core count, low enough to catch a typo. */
    static final int MAX_WORKERS = 256;

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public ProcessDirectives() {
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.create("worker_processes", b -> b.contexts(DirectiveSpec.MAIN_CONTEXT).args(1)
                        .check(d -> workers(d))),
                DirectiveSpec.create("pid", b -> b.contexts(DirectiveSpec.MAIN_CONTEXT).args(1)));
    }

    /**
     * @param document a validated document
     * @return its process settings
     * @throws ConfigException when {@code worker_processes} is not a number in range or {@code auto}
     */
    public static Settings settings(ConfigDocument document) throws ConfigException {
        Optional<Directive> workers = document.directive("worker_processes");
        Optional<Directive> pid = document.directive("pid");
        return new Settings(workers.isPresent() ? workers(workers.get()) : 1,
                pid.isPresent() ? Optional.of(pid.get().resolvePath(0)) : Optional.empty());
    }

    private static int workers(Directive directive) throws ConfigException {
        if (directive.arg(0).equals("auto")) {
            return Runtime.getRuntime().availableProcessors();
        }
        String text = directive.arg(0);
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_WORKERS) {
            throw directive.argError(0, "'worker_processes' expects 'auto' or a number from 1 to " + MAX_WORKERS
                    + ", got '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    /**
     * What the process directives say.
     *
     * @param workerProcesses how many serving processes, 1 or more ({@code auto} already resolved)
     * @param pidFile where to write the process id, if anywhere
     */
    public record Settings(int workerProcesses, Optional<Path> pidFile) {
    }
}
