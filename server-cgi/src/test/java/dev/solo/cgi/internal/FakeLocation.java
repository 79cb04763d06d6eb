package dev.solo.cgi.internal;

import dev.solo.http.Location;
import dev.solo.http.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A {@code location /} with {@code root}: maps a path by appending it to the root, refusing to leave it. */
final class FakeLocation implements Location {

    private final Path root;
    long maxBodySize = 1 << 20;

    FakeLocation(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
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
        return Set.of(Method.GET, Method.HEAD, Method.POST);
    }

    @Override
    public Optional<Path> resolve(String path) {
        if (root == null) {
            return Optional.empty();
        }
        Path file = root.resolve(path.substring(1)).normalize();
        return file.startsWith(root) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    @Override
    public List<String> indexFiles() {
        return List.of("index.html");
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
        return "solo.test";
    }
}
