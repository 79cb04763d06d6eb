package dev.solo.http.internal.config;

import dev.solo.config.Directive;
import java.util.List;
import java.util.Optional;

/**
 * One level of config nesting (top level, server, location, nested location) with a link to the level above, so a
 * setting is looked up where it is needed and inherited downward as in nginx: the nearest level that sets it wins.
 */
final class Scope {

    private final Scope parent;
    private final List<Directive> directives;
    private final Directive block;

    private Scope(Scope parent, List<Directive> directives, Directive block) {
        this.parent = parent;
        this.directives = directives;
        this.block = block;
    }

    static Scope top(List<Directive> directives) {
        return new Scope(null, directives, null);
    }

    Scope child(Directive block) {
        return new Scope(this, block.children(), block);
    }

    /** @return the block of this level, or null at the top */
    Directive block() {
        return block;
    }

    Optional<Directive> own(String name) {
        for (Directive directive : directives) {
            if (directive.name().equals(name)) {
                return Optional.of(directive);
            }
        }
        return Optional.empty();
    }

    List<Directive> ownAll(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).toList();
    }

    Optional<Directive> inherited(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Optional<Directive> hit = scope.own(name);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** Repeatable directives (error_page) inherit as a whole: the nearest level that has any of them wins. */
    List<Directive> inheritedAll(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            List<Directive> hits = scope.ownAll(name);
            if (!hits.isEmpty()) {
                return hits;
            }
        }
        return List.of();
    }
}
