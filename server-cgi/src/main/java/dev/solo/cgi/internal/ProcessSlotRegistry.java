package dev.solo.cgi.internal;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out one {@link ProcessSlots} per {@code cgi_max_processes} directive, so every location that inherits the
 * setting from the same block shares one cap: a cap in a server bounds that server, one at the top level bounds all
 * servers that do not set their own. Locations that inherit none share one default cap.
 *
 * <p>Directives are compared by value (name, position, arguments), so reading the same configuration twice yields the
 * same caps. Used while handlers are built; synchronised because that may happen off the loop thread.
 */
public final class ProcessSlotRegistry {

    /** Scripts running at once when {@code cgi_max_processes} is not set. */
    public static final int DEFAULT_MAX_PROCESSES = 16;

    private final Map<Directive, ProcessSlots> byDirective = new HashMap<>();
    private ProcessSlots defaults;
    private ProcessGroups groups;

    /** Creates an empty registry. */
    public ProcessSlotRegistry() {
    }

    /**
     * @return the one {@link ProcessGroups} of all caps: leftovers of every script are swept in one pass
     */
    public synchronized ProcessGroups groups() {
        if (groups == null) {
            groups = ProcessGroups.create();
        }
        return groups;
    }

    /**
     * @param directive the {@code cgi_max_processes} directive that applies, if any
     * @return the cap it stands for
     * @throws ConfigException when its argument is not a number of at least 1
     */
    public synchronized ProcessSlots slotsFor(Optional<Directive> directive) throws ConfigException {
        if (directive.isEmpty()) {
            if (defaults == null) {
                defaults = new ProcessSlots(DEFAULT_MAX_PROCESSES);
            }
            return defaults;
        }
        Directive d = directive.get();
        ProcessSlots known = byDirective.get(d);
        if (known != null) {
            return known;
        }
        int max = d.intArg(0);
        if (max < 1) {
            throw d.argError(0, "'" + d.name() + "' must be at least 1");
        }
        ProcessSlots slots = new ProcessSlots(max);
        byDirective.put(d, slots);
        return slots;
    }
}
