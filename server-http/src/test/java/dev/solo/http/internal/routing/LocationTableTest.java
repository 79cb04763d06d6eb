package dev.solo.http.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.solo.http.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocationTableTest {

    private static RouteLocation location(String prefix, boolean exact) {
        return new RouteLocation(new RouteLocation.Settings(prefix, exact, Set.of(Method.GET), null, List.of(),
                false, 0, Map.of(), ""));
    }

    @Test
    void theLongestMatchingPrefixWinsRegardlessOfOrder() {
        LocationTable table = new LocationTable();
        table.add(location("/", false));
        table.add(location("/images/icons/", false));
        table.add(location("/images/", false));
        assertEquals("/images/icons/", table.match("/images/icons/a.png").prefix());
        assertEquals("/images/", table.match("/images/b.png").prefix());
        assertEquals("/", table.match("/other").prefix());
    }

    @Test
    void anExactLocationBeatsEveryPrefixButOnlyForItsPath() {
        LocationTable table = new LocationTable();
        table.add(location("/", false));
        table.add(location("/status", true));
        assertEquals(true, table.match("/status").exact());
        assertEquals(false, table.match("/status/more").exact());
    }

    @Test
    void noMatchWithoutARootLocation() {
        LocationTable table = new LocationTable();
        table.add(location("/api/", false));
        assertNull(table.match("/web"));
    }
}
