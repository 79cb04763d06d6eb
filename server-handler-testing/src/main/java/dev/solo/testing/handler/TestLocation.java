package dev.solo.testing.handler;

import dev.solo.http.Location;
import dev.solo.http.Method;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The location of a {@link TestExchange}: {@code location /} with an optional {@code root}, every method the server
 * implements, no index files, no listings, and the server's default body limit unless the builder sets another.
 * {@link #resolve(String)} maps paths as the server's {@code root} does: segment by segment, never outside the root,
 * symbolic links included.
 */
final class TestLocation implements Location {

    private final Path root;
    private final Path realRoot;
    private final long maxBodySize;

    TestLocation(Path root, long maxBodySize) {
        this.root = root;
        this.maxBodySize = maxBodySize;
        try {
            this.realRoot = root == null ? null : root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("the root must exist: " + root, e);
        }
    }

    @Override
    public String prefix() {
        return "/";
    }

    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public Set<Method> methods() {
        return EnumSet.of(Method.GET, Method.HEAD, Method.POST, Method.PUT, Method.DELETE, Method.PATCH);
    }

    @Override
    public Optional<Path> resolve(String path) {
        if (root == null) {
            return Optional.empty();
        }
        try {
            Path candidate = root;
            for (String segment : path.split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (segment.equals("..") || segment.indexOf('\0') >= 0) {
                    return Optional.empty();
                }
                candidate = candidate.resolve(segment);
            }
            return contains(candidate) ? Optional.of(candidate) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty(); // a name the file system cannot hold, as the server answers it: no such file
        }
    }

    /** Inside when the nearest existing ancestor, links followed, lies under the real root (as the server checks). */
    private boolean contains(Path candidate) {
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            return existing != null && existing.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    @Override
    public List<String> indexFiles() {
        return List.of();
    }

    @Override
    public boolean autoindex() {
        return false;
    }

    @Override
    public long maxBodySize() {
        return maxBodySize;
    }

    @Override
    public String serverName() {
        return "";
    }
}
