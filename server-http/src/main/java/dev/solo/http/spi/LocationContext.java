package dev.solo.http.spi;

import dev.solo.config.Directive;
import dev.solo.http.Location;
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
}
