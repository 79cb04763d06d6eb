package dev.solo.cgi.internal;

import dev.solo.config.Directive;
import dev.solo.http.Location;
import dev.solo.http.spi.LocationContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A location's directives by level: the location first, then the levels around it (server, top level). */
final class FakeLocationContext implements LocationContext {

    private final Location location;
    private final Directive block;
    private final List<List<Directive>> levels;

    FakeLocationContext(Location location, List<List<Directive>> levels) {
        this.location = location;
        this.block = Conf.block("location", 1, levels.isEmpty() ? List.of() : levels.get(0));
        this.levels = List.copyOf(levels);
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public Directive block() {
        return block;
    }

    @Override
    public Optional<Directive> inherited(String name) {
        for (List<Directive> level : levels) {
            Optional<Directive> hit = level.stream().filter(d -> d.name().equals(name)).findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Directive> inheritedAll(String name) {
        for (List<Directive> level : levels) {
            List<Directive> hits = level.stream().filter(d -> d.name().equals(name)).collect(Collectors.toList());
            if (!hits.isEmpty()) {
                return hits;
            }
        }
        return List.of();
    }

    @Override
    public List<Directive> own(String name) {
        if (levels.isEmpty()) {
            return List.of();
        }
        return levels.get(0).stream().filter(d -> d.name().equals(name)).collect(Collectors.toList());
    }
}
