package dev.solo.http.internal.config;

import dev.solo.config.ConfigError;
import dev.solo.config.Directive;
import dev.solo.core.Addresses;
import dev.solo.http.Method;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.spi.ExecutableFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * What the whole site writes and executes, gathered while every server is built and checked once all are: an upload
 * directory inside an area where a location runs files as programs is an error (a client could upload a script and
 * run it), whatever servers the two belong to. Risky but legitimate settings become warnings, which
 * {@code solo --check} prints and the server logs at start.
 */
final class SiteChecks {

    /**
     * A directory a location writes to.
     *
     * @param directory the directory
     * @param cause the directive that turned writing on
     * @param location the location
     */
    private record WriteArea(Path directory, Directive cause, RouteLocation location) {
    }

    /** How deep and how many entries the search for symbolic links in a script directory goes. */
    private static final int MAX_LINK_DEPTH = 8;
    private static final int MAX_WALKED_ENTRIES = 20_000;

    private final List<ExecutableFiles> executables = new ArrayList<>();
    private final List<ExecutableFiles> executablesView = Collections.unmodifiableList(executables);
    private final List<WriteArea> writes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** @return every executable area of the site, a live view that is complete once the site is built */
    List<ExecutableFiles> executables() {
        return executablesView;
    }

    /**
     * Records an area where a location runs files, and the directories that symbolic links inside it lead to: a
     * script reached through {@code cgi-bin/up -> ../uploads} runs from the link's target, so uploads there must be
     * refused as well. The walk is bounded (depth and entries); links beyond it are not found.
     *
     * @param area an area where a location runs files
     */
    void executes(ExecutableFiles area) {
        executables.add(area);
        if (!Files.isDirectory(area.directory())) {
            return;
        }
        int[] seen = {0};
        try {
            Files.walkFileTree(area.directory(), EnumSet.noneOf(FileVisitOption.class),
                    MAX_LINK_DEPTH, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (++seen[0] > MAX_WALKED_ENTRIES) {
                                return FileVisitResult.TERMINATE;
                            }
                            if (attributes.isSymbolicLink() && Files.isDirectory(file)) {
                                executables.add(new ExecutableFiles(file, area.extensions(),
                                        area.origin() + " through the link " + file));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // An unreadable part of the tree: what was found is kept; the request-time check still covers the area.
        }
    }

    /**
     * @param directory a directory a location's handler creates files in
     * @param cause the directive that turned it on
     * @param location the location
     */
    void writes(Path directory, Directive cause, RouteLocation location) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            absolute = absolute.toRealPath();
        } catch (IOException e) {
            // Not there (yet): compare the path as written.
        }
        writes.add(new WriteArea(absolute, cause, location));
    }

    /**
     * Checks every write area against every executable area: inside one is an error; one that contains an
     * executable area is a warning, since only the request-time check (403 for script names) then keeps scripts out.
     *
     * @param errors where errors go
     */
    void verify(List<ConfigError> errors) {
        for (WriteArea write : writes) {
            for (ExecutableFiles area : executables) {
                if (area.contains(write.directory())) {
                    errors.add(new ConfigError(write.cause().position(), write.location() + " writes client files to "
                            + write.directory() + ", where " + area.origin() + " runs " + area.extensions()
                            + " files as programs: a client could upload a script and run it. Store uploads outside"
                            + " every CGI directory (upload_store) or move the cgi location"));
                } else if (area.directory().startsWith(write.directory())) {
                    warnings.add(write.cause().position() + ": " + write.location() + " writes below "
                            + write.directory() + ", which holds the CGI directory of " + area.origin()
                            + "; uploads named " + area.extensions() + " are refused with 403, but keep them apart");
                }
            }
        }
    }

    /**
     * Warns about the writable locations of one server: who can write and delete there, and error pages a client
     * could delete.
     *
     * @param locations the server's locations
     * @param addresses where the server listens
     * @param errorPageFiles the files of the server's error pages
     */
    void warnWritable(List<RouteLocation> locations, List<InetSocketAddress> addresses, List<Path> errorPageFiles) {
        for (WriteArea write : writes) {
            RouteLocation location = write.location();
            if (!locations.contains(location) || !location.writeMethods().contains(Method.DELETE)) {
                continue;
            }
            for (InetSocketAddress address : addresses) {
                if (!address.getAddress().isLoopbackAddress()) {
                    warnings.add(write.cause().position() + ": " + location + " lets anyone who reaches "
                            + Addresses.format(address) + " upload and DELETE files (Solo has no authentication);"
                            + " narrow it with 'methods' or listen on a loopback address");
                    break;
                }
            }
            String prefix = location.prefix();
            Optional<Path> area = location.resolve(prefix.substring(0, prefix.lastIndexOf('/') + 1));
            for (Path page : errorPageFiles) {
                if (area.isPresent() && page.toAbsolutePath().normalize().startsWith(area.get())) {
                    warnings.add(write.cause().position() + ": the error page " + page + " lies where " + location
                            + " takes DELETE: a client could remove it");
                }
            }
        }
    }

    /** @return the warnings found, each {@code file:line:col: text} */
    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
