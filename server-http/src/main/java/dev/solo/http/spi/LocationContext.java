package dev.solo.http.spi;

import dev.solo.config.Directive;
import dev.solo.http.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a {@link HandlerProvider} sees of a location at start: its resolved settings and its directives. */
public interface LocationContext {

    /** @return the resolved location (root, index, methods...) */
    Location location();

    /** @return the {@code location} block (or the {@code server} block for the server's implicit root location) */
    Directive block();

    /**
     * The nearest directive of this name: in the location, else its enclosing locations, else the server, else the
     * top level. That is how nginx inherits settings downward.
     *
     * @param name a directive name
     * @return the directive, if set anywhere above
     */
    Optional<Directive> inherited(String name);

    /**
     * Every occurrence of a repeatable directive, inherited as a group: the nearest level that has any of them wins
     * (as nginx inherits {@code error_page}).
     *
     * @param name a directive name
     * @return the occurrences at the nearest level that has some, in order; empty if none has
     */
    List<Directive> inheritedAll(String name);

    /**
     * @param name a directive name
     * @return every occurrence in the location block itself, in order
     */
    List<Directive> own(String name);

    /**
     * Every area where some location of any server runs files as programs. The list fills while the site is built
     * and is complete before the first request, so a handler that writes files keeps it and checks each target
     * against it when a request arrives.
     *
     * @return a live, unmodifiable view; empty by default
     */
    default List<ExecutableFiles> siteExecutables() {
        return List.of();
    }

    /**
     * Declares that this location's handler creates files in a directory (an upload store, the directory its prefix
     * maps to). Once every server is built, the configuration is refused, at {@code cause}, when that directory lies
     * in an area where some location runs files as programs: a client could upload a script and run it.
     *
     * @param directory the directory requests write to (files are created in it or below it)
     * @param cause the directive that turned the writing on, for the error's position
     */
    default void writesTo(Path directory, Directive cause) {
    }
}
