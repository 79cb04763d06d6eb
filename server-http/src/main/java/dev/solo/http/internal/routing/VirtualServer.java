package dev.solo.http.internal.routing;

import dev.solo.config.SourcePosition;
import dev.solo.http.spi.SessionManager;
import java.util.List;

/**
 * One {@code server} block at run time: its names, locations, timeouts and sessions.
 *
 * @param names the server names as configured (lower case; {@code *.example.com} for wildcards)
 * @param locations the location table
 * @param timeouts the block's timeouts
 * @param sessions the session manager, or null when no session module is installed
 * @param position where the block starts in the config
 */
public record VirtualServer(List<String> names, LocationTable locations, Timeouts timeouts, SessionManager sessions,
        SourcePosition position) {

    /** @return the first name, or an empty string */
    public String primaryName() {
        return names.isEmpty() ? "" : names.get(0);
    }
}
