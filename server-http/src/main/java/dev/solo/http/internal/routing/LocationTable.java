package dev.solo.http.internal.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A server's locations: exact matches in a map, prefixes sorted longest first, so the first prefix that matches is
 * the longest (nginx's rule, without regular expressions).
 */
public final class LocationTable {

    private final Map<String, RouteLocation> exact = new HashMap<>();
    private final List<RouteLocation> prefixes = new ArrayList<>();

    /** @param location a location to add; duplicates are rejected earlier, by the site builder */
    public void add(RouteLocation location) {
        if (location.exact()) {
            exact.put(location.prefix(), location);
        } else {
            prefixes.add(location);
            prefixes.sort(Comparator.comparingInt((RouteLocation l) -> l.prefix().length()).reversed());
        }
    }

    /**
     * @param path a decoded, normalised request path
     * @return the exact location for it, else the longest matching prefix, else null
     */
    public RouteLocation match(String path) {
        RouteLocation hit = exact.get(path);
        if (hit != null) {
            return hit;
        }
        for (RouteLocation location : prefixes) {
            if (path.startsWith(location.prefix())) {
                return location;
            }
        }
        return null;
    }

    /** @return every location, exact ones first */
    public List<RouteLocation> all() {
        List<RouteLocation> all = new ArrayList<>(exact.values());
        all.addAll(prefixes);
        return all;
    }
}
