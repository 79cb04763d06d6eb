package dev.solo.http.internal.upload;

import dev.solo.http.Location;
import dev.solo.http.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A location with a {@code root}, mapping paths the way the server does: inside the root, links included. */
final class TestLocation implements Location {

    private final String prefix;
    private final Path root;

    TestLocation(String prefix, Path root) {
        this.prefix = prefix;
        this.root = root;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public Set<Method> methods() {
        return Set.of(Method.GET, Method.POST, Method.PUT, Method.DELETE);
    }

    @Override
    public Optional<Path> resolve(String path) {
        Path candidate = root.resolve(path.substring(1)).normalize();
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            return existing != null && existing.toRealPath().startsWith(root.toRealPath())
                    ? Optional.of(candidate) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Path> root() {
        return Optional.of(root);
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
        return Long.MAX_VALUE;
    }

    @Override
    public String serverName() {
        return "";
    }
}
