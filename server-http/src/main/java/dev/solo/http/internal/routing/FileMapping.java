package dev.solo.http.internal.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps request paths into a directory through nginx's {@code root} (the whole path is appended) or {@code alias}
 * (the location prefix is replaced), and guarantees the result lies inside that directory, symbolic links
 * included: containment is checked on real paths, component by component, never by string prefix.
 */
public final class FileMapping {

    private final Path directory;
    private final Path realDirectory;
    private final String stripPrefix;

    private FileMapping(Path directory, String stripPrefix) throws IOException {
        this.directory = directory.toAbsolutePath().normalize();
        this.realDirectory = this.directory.toRealPath();
        this.stripPrefix = stripPrefix;
    }

    /**
     * @param root the document root
     * @return a mapping that appends the whole request path to the root
     * @throws IOException when the root cannot be resolved
     */
    public static FileMapping root(Path root) throws IOException {
        return new FileMapping(root, "");
    }

    /**
     * @param alias the directory that replaces the prefix
     * @param prefix the location prefix
     * @return a mapping that replaces the prefix with the alias directory
     * @throws IOException when the directory cannot be resolved
     */
    public static FileMapping alias(Path alias, String prefix) throws IOException {
        return new FileMapping(alias, prefix);
    }

    /** @return the directory requests map into */
    public Path directory() {
        return directory;
    }

    /**
     * @param path a decoded, normalised request path
     * @return the file inside the directory, or empty when the path escapes it or names a file the file system
     *         cannot hold
     */
    public Optional<Path> resolve(String path) {
        try {
            return resolveSegments(path);
        } catch (InvalidPathException e) {
            // Under a non-UTF-8 locale (LANG=C: containers, systemd units) Java encodes file names in ASCII and a
            // non-ASCII request path cannot become a Path. No such file can exist there: the client's 404, for every
            // handler (static, upload, CGI), never a 500 with a stack trace.
            return Optional.empty();
        }
    }

    /**
     * @param path a file name or a request path
     * @return whether the file system's name encoding (the JVM's, from the locale) can hold it: under {@code LANG=C}
     *         a non-ASCII name cannot be a file name at all
     */
    public static boolean representable(String path) {
        try {
            Path.of(path);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private Optional<Path> resolveSegments(String path) {
        String rest = path;
        if (!stripPrefix.isEmpty()) {
            if (!path.startsWith(stripPrefix) && !(path + "/").equals(stripPrefix)) {
                return Optional.empty();
            }
            rest = path.length() >= stripPrefix.length() ? path.substring(stripPrefix.length()) : "";
        }
        Path candidate = directory;
        for (String segment : rest.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") || segment.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            candidate = candidate.resolve(segment);
        }
        return contains(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * A path is inside when its nearest existing ancestor (itself, if it exists) resolves, links followed, to a path
     * under the real directory.
     */
    private boolean contains(Path candidate) {
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        try {
            return existing.toRealPath().startsWith(realDirectory);
        } catch (IOException e) {
            // A dangling symbolic link or a permission problem: refuse rather than guess.
            return false;
        }
    }
}
