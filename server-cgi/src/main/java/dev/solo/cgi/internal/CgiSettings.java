package dev.solo.cgi.internal;

import dev.solo.cgi.CgiDirectives;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CGI settings of one location, read from its directives when the server starts. Immutable apart from the shared
 * process cap.
 *
 * @param types the script types by extension, in configuration order
 * @param timeout the longest a script may run
 * @param slots the process cap this location counts against, with its queue
 * @param queue how long the queue for a slot may be and how long a request waits in it
 * @param extraEnv variables from {@code cgi_env}, in order
 * @param searchPath the {@code PATH} given to scripts (the server's own), or null when it has none
 * @param tempDir where request bodies are spooled (unlinked as soon as the script starts)
 * @param groups what runs scripts in groups of their own and ends what they leave behind
 */
public record CgiSettings(List<ScriptType> types, Duration timeout, ProcessSlots slots, Queue queue,
                          Map<String, String> extraEnv, String searchPath, Path tempDir, ProcessGroups groups) {

    /** The script time limit when {@code cgi_timeout} is not set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Requests that may wait for a slot when {@code cgi_queue_size} is not set: siege's 50 users fit with room. */
    public static final int DEFAULT_QUEUE_SIZE = 128;
    /** The longest wait for a slot when {@code cgi_queue_timeout} is not set: as long as a script may run. */
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(30);
    /** The largest {@code cgi_queue_size}. */
    public static final int MAX_QUEUE_SIZE = 100_000;

    /**
     * The queue for a process slot, as this location joins it.
     *
     * @param size requests already waiting beyond which this one is refused (503); 0 never waits
     * @param timeout the longest this request waits before it is refused (503)
     */
    public record Queue(int size, Duration timeout) {

        /** The defaults, {@value #DEFAULT_QUEUE_SIZE} requests for at most 30 seconds. */
        public static final Queue DEFAULT = new Queue(DEFAULT_QUEUE_SIZE, DEFAULT_QUEUE_TIMEOUT);

        /**
         * Checks the components.
         *
         * @param size requests already waiting beyond which this one is refused; 0 never waits
         * @param timeout the longest this request waits
         * @throws IllegalArgumentException when the size is negative or the timeout not positive
         */
        public Queue {
            if (size < 0 || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("queue size " + size + ", timeout " + timeout);
            }
        }
    }

    /**
     * Copies the collections and checks the components.
     *
     * @param types the script types by extension, in configuration order
     * @param timeout the longest a script may run
     * @param slots the process cap this location counts against
     * @param queue how long the queue for a slot may be and how long a request waits in it
     * @param extraEnv variables from {@code cgi_env}, in order
     * @param searchPath the {@code PATH} given to scripts, or null when the server has none
     * @param tempDir where request bodies are spooled
     * @param groups what runs scripts in groups of their own
     * @throws NullPointerException if a component other than {@code searchPath} is null
     */
    public CgiSettings {
        types = List.copyOf(types);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(groups, "groups");
        extraEnv = Collections.unmodifiableMap(new LinkedHashMap<>(extraEnv));
        Objects.requireNonNull(tempDir, "tempDir");
    }

    /**
     * Reads a location's settings.
     *
     * @param location the location, with inheritance
     * @param searchPath the server's {@code PATH}: where bare interpreter names are looked up, and what scripts get
     * @param slotRegistry where process caps are shared
     * @return the settings, or empty when the location has no {@code cgi} directive
     * @throws ConfigException at the offending directive or argument
     */
    public static Optional<CgiSettings> read(LocationContext location, String searchPath,
                                             ProcessSlotRegistry slotRegistry) throws ConfigException {
        List<Directive> cgi = location.inheritedAll(CgiDirectives.CGI);
        if (cgi.isEmpty()) {
            return Optional.empty();
        }
        List<ScriptType> types = new ArrayList<>();
        for (Directive directive : cgi) {
            types.add(scriptType(directive, types, searchPath));
        }
        Duration timeout = DEFAULT_TIMEOUT;
        Optional<Directive> timeoutDirective = location.inherited(CgiDirectives.CGI_TIMEOUT);
        if (timeoutDirective.isPresent()) {
            timeout = timeoutDirective.get().durationArg(0);
            if (timeout.isZero()) {
                throw timeoutDirective.get().argError(0, "'" + CgiDirectives.CGI_TIMEOUT + "' must be more than 0");
            }
        }
        ProcessSlots slots = slotRegistry.slotsFor(location.inherited(CgiDirectives.CGI_MAX_PROCESSES));
        Queue queue = queue(location);
        Map<String, String> env = new LinkedHashMap<>();
        for (Directive directive : location.inheritedAll(CgiDirectives.CGI_ENV)) {
            if (directive.argCount() != 2 || !CgiConfigChecks.isEnvironmentName(directive.arg(0))) {
                throw directive.error("'" + CgiDirectives.CGI_ENV + "' expects a variable name and a value");
            }
            env.put(directive.arg(0), directive.arg(1));
        }
        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        return Optional.of(new CgiSettings(types, timeout, slots, queue, env, searchPath, tempDir,
                slotRegistry.groups()));
    }

    private static Queue queue(LocationContext location) throws ConfigException {
        int size = DEFAULT_QUEUE_SIZE;
        Optional<Directive> sizeDirective = location.inherited(CgiDirectives.CGI_QUEUE_SIZE);
        if (sizeDirective.isPresent()) {
            size = sizeDirective.get().intArg(0);
            if (size < 0 || size > MAX_QUEUE_SIZE) {
                throw sizeDirective.get().argError(0, "'" + CgiDirectives.CGI_QUEUE_SIZE + "' must be 0 to "
                        + MAX_QUEUE_SIZE);
            }
        }
        Duration timeout = DEFAULT_QUEUE_TIMEOUT;
        Optional<Directive> timeoutDirective = location.inherited(CgiDirectives.CGI_QUEUE_TIMEOUT);
        if (timeoutDirective.isPresent()) {
            timeout = timeoutDirective.get().durationArg(0);
            if (timeout.isZero()) {
                throw timeoutDirective.get().argError(0, "'" + CgiDirectives.CGI_QUEUE_TIMEOUT
                        + "' must be more than 0");
            }
        }
        return new Queue(size, timeout);
    }

    private static ScriptType scriptType(Directive directive, List<ScriptType> earlier, String searchPath)
            throws ConfigException {
        if (directive.argCount() < 1 || directive.argCount() > 2) {
            throw directive.error("'" + CgiDirectives.CGI + "' expects an extension and an optional interpreter");
        }
        String extension = directive.arg(0);
        if (!CgiConfigChecks.isExtension(extension)) {
            throw directive.argError(0, "'" + CgiDirectives.CGI + "' expects an extension such as .py, got '"
                    + extension + "'");
        }
        for (ScriptType type : earlier) {
            if (type.extension().equals(extension)) {
                throw directive.argError(0, "extension '" + extension + "' is already mapped in this location");
            }
        }
        Path interpreter = directive.argCount() == 2 ? InterpreterLookup.find(directive, 1, searchPath) : null;
        return new ScriptType(extension, interpreter);
    }

    /**
     * @param segment a decoded path segment
     * @return the script type whose extension the segment has, if any
     */
    public Optional<ScriptType> typeOf(String segment) {
        for (ScriptType type : types) {
            if (type.matches(segment)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
