package dev.solo.http.internal.routing;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.solo.config.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostTableTest {

    private static VirtualServer server(String... names) {
        return new VirtualServer(List.of(names), new LocationTable(), Timeouts.DEFAULTS, null,
                new SourcePosition(Path.of("t.conf"), 1, 1));
    }

    private final VirtualServer first = server("example.com", "www.example.com");
    private final VirtualServer wildcard = server("*.example.com");
    private final VirtualServer deeper = server("*.api.example.com");
    private final VirtualServer other = server("other.test");

    @Test
    void matchesExactNamesCaseInsensitivelyAndIgnoresATrailingDot() {
        HostTable table = new HostTable();
        table.add(first, false);
        table.add(other, false);
        assertSame(other, table.select("OTHER.test"));
        assertSame(first, table.select("www.example.com."));
    }

    @Test
    void prefersExactThenTheLongestWildcard() {
        HostTable table = new HostTable();
        table.add(first, false);
        table.add(wildcard, false);
        table.add(deeper, false);
        assertSame(first, table.select("www.example.com"));
        assertSame(wildcard, table.select("shop.example.com"));
        assertSame(deeper, table.select("v1.api.example.com"));
        assertSame(first, table.select("example.com"));
    }

    @Test
    void unknownOrMissingHostGoesToTheFirstServerUnlessAnotherIsMarkedDefault() {
        HostTable table = new HostTable();
        table.add(first, false);
        table.add(other, false);
        assertSame(first, table.select("unknown.test"));
        assertSame(first, table.select(null));
        HostTable marked = new HostTable();
        marked.add(first, false);
        marked.add(other, true);
        assertSame(other, marked.select("unknown.test"));
    }

    @Test
    void routesThroughTheTablesThatReloadsPutInItsPlace() {
        HostTable before = new HostTable();
        before.add(first, false);
        HostTable reloaded = new HostTable();
        reloaded.add(other, false);
        HostTable again = new HostTable();
        again.add(wildcard, false);
        before.forwardTo(reloaded);
        assertSame(other, before.select("example.com"));
        assertSame(other, before.defaultServer());
        reloaded.forwardTo(again);
        assertSame(wildcard, before.select("shop.example.com"));
        assertSame(wildcard, before.defaultServer());
        assertSame(wildcard, reloaded.select(null));
    }
}
