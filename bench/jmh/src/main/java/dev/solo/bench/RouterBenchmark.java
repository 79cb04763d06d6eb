package dev.solo.bench;

import dev.solo.config.SourcePosition;
import dev.solo.http.Method;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Routing a request: {@link HostTable#select(String)} picks the virtual server for the {@code Host}, then
 * {@link LocationTable#match(String)} picks its location for the path, as every request does.
 *
 * <p>The host table has three servers on one address, with exact names and leading wildcards of three lengths; the
 * location table is the demo server's of {@code examples/solo.conf} (two {@code =} exact locations, eight
 * prefixes), with two nested prefixes added ({@code /static/img/} inside {@code /static/}, {@code /docs/api/}
 * inside {@code /docs/}). The parameters are chosen to hit each way through the code: an exact name, the first and
 * last wildcard, the default server; an exact location, the longest prefix, a middle one, and {@code /}, which is
 * compared against every prefix.
 *
 * <p>Both tables start with a hash lookup, and a {@code String} caches its hash, so looking up the same instance
 * again would leave out the hashing that a real request pays on its new host and path strings. Each invocation
 * therefore builds a new string from bytes, as the request decoder does; {@code newHost} and {@code newPath}
 * measure that alone, so the routing cost is the difference (in time and in allocation). The score is one lookup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterBenchmark {

    /** Three virtual servers on one address, and the host to look up. */
    @State(Scope.Thread)
    public static class Hosts {

        /** The {@code Host}, already lower case and without port, as the request decoder hands it over. */
        @Param({"www.example.com", "cdn7.blog.example.com", "shop.example.com", "10.0.0.7"})
        public String host;

        HostTable table;
        byte[] hostBytes;

        /** Builds the table: exact names, then wildcards of 17, 16 and 12 characters. */
        @Setup
        public void setUp() {
            table = new HostTable();
            table.add(server("localhost", "demo.localhost", "example.com", "www.example.com"), false);
            table.add(server("blog.example.com", "*.blog.example.com"), false);
            table.add(server("*.example.com", "*.cdn.example.net", "static.example.net"), false);
            hostBytes = host.getBytes(StandardCharsets.ISO_8859_1);
        }

        private static VirtualServer server(String... names) {
            return new VirtualServer(List.of(names), new LocationTable(), Timeouts.DEFAULTS, null,
                    new SourcePosition(Path.of("solo.conf"), 1, 1));
        }
    }

    /** The demo server's locations, and the path to match. */
    @State(Scope.Thread)
    public static class Paths {

        /** A decoded, normalised request path. */
        @Param({"/old-page", "/static/img/logo.png", "/docs/guide.md", "/index.html"})
        public String path;

        LocationTable table;
        byte[] pathBytes;

        /** Builds the table in config order; it sorts the prefixes longest first itself. */
        @Setup
        public void setUp() {
            table = new LocationTable();
            table.add(location("/", false));
            table.add(location("/files/", false));
            table.add(location("/old-page", true));
            table.add(location("/docs", true));
            table.add(location("/docs/", false));
            table.add(location("/docs/api/", false));
            table.add(location("/uploads/", false));
            table.add(location("/static/", false));
            table.add(location("/static/img/", false));
            table.add(location("/session/", false));
            table.add(location("/cgi-bin/", false));
            table.add(location("/readonly/", false));
            pathBytes = path.getBytes(StandardCharsets.ISO_8859_1);
        }

        private static RouteLocation location(String prefix, boolean exact) {
            return new RouteLocation(new RouteLocation.Settings(prefix, exact, Set.of(Method.GET, Method.POST), null,
                    List.of("index.html"), false, 1 << 20, Map.of(404, "/errors/404.html"), "localhost"));
        }
    }

    /** Selects the virtual server for a new host string. */
    @Benchmark
    public VirtualServer selectHost(Hosts hosts) {
        return hosts.table.select(new String(hosts.hostBytes, StandardCharsets.ISO_8859_1));
    }

    /** Only builds the new host string: subtract from {@link #selectHost}. */
    @Benchmark
    public String newHost(Hosts hosts) {
        return new String(hosts.hostBytes, StandardCharsets.ISO_8859_1);
    }

    /** Matches the location for a new path string. */
    @Benchmark
    public RouteLocation matchLocation(Paths paths) {
        return paths.table.match(new String(paths.pathBytes, StandardCharsets.ISO_8859_1));
    }

    /** Only builds the new path string: subtract from {@link #matchLocation}. */
    @Benchmark
    public String newPath(Paths paths) {
        return new String(paths.pathBytes, StandardCharsets.ISO_8859_1);
    }
}
