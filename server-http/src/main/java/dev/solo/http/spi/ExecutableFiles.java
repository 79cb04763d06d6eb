package dev.solo.http.spi;

import dev.solo.http.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a location runs files as programs: every file under {@code directory} (at any depth) whose name ends in one
 * of {@code extensions}. A handler type that executes files (CGI) declares it through
 * {@link HandlerProvider#executables(LocationContext)}, so that the server can make sure no request ever creates or
 * replaces such a file: uploads whose store lies in such a directory are refused when the configuration is loaded,
 * and any write whose target is covered is refused with 403 when the request arrives.
 *
 * @param directory the directory, absolute, with symbolic links resolved when it exists
 * @param extensions the extensions with their dot, e.g. {@code .py}
 * @param origin where it was configured, for messages, e.g. {@code location /cgi-bin/ (solo.conf:12:5)}
 */
public record ExecutableFiles(Path directory, List<String> extensions, String origin) {

    /**
     * Normalises the directory and copies the extensions.
     *
     * @param directory the directory; made absolute, with symbolic links resolved when it exists
     * @param extensions the extensions with their dot
     * @param origin where it was configured, for messages
     * @throws NullPointerException if a component is null
     */
    public ExecutableFiles {
        directory = realOrNormal(Objects.requireNonNull(directory, "directory"));
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * The area a location serves scripts from when it runs files with the given extensions. A script is found by
     * walking the request path's segments, and every request path of the location starts with its prefix, so the
     * scripts lie under the directory that the prefix, up to its last {@code /}, maps to ({@code location = /run.py}
     * and {@code location /cgi} reach into {@code /}); a segment of the prefix that itself ends in an extension (such
     * as {@code location /app.py/}) could be the script, so the area then starts above it.
     *
     * @param context the location
     * @param extensions the extensions it runs
     * @return the area, or empty when the location maps no files
     */
    public static Optional<ExecutableFiles> servedBy(LocationContext context, Collection<String> extensions) {
        Location location = context.location();
        String origin = (location.exact() ? "location = " : "location ") + location.prefix() + " at "
                + context.block().position();
        String prefix = location.prefix();
        int end = prefix.lastIndexOf('/') + 1;
        int start = 1;
        while (start < end) {
            int slash = prefix.indexOf('/', start);
            if (matches(prefix.substring(start, slash), extensions)) {
                end = start;
                break;
            }
            start = slash + 1;
        }
        Optional<Path> directory = location.resolve(prefix.substring(0, end));
        if (directory.isEmpty() && location.root().isPresent()) {
            // An alias location's prefix without its slash maps nowhere; its alias directory is the area.
            directory = location.root();
        }
        return directory.map(d -> new ExecutableFiles(d, List.copyOf(extensions), origin));
    }

    /**
     * @param file a file a request would create, replace or delete
     * @return true when the server would run that file as a program: it lies under the directory (links resolved)
     *         and its name ends in one of the extensions (compared without case, since some file systems ignore it)
     */
    public boolean covers(Path file) {
        Path name = file.getFileName();
        if (name == null || !matches(name.toString(), extensions)) {
            return false;
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null && realOrNormal(parent).startsWith(directory);
    }

    /**
     * @param directory a directory that requests may write to
     * @return true when it is this area's directory or lies inside it
     */
    public boolean contains(Path directory) {
        return realOrNormal(directory).startsWith(this.directory);
    }

    private static boolean matches(String name, Collection<String> extensions) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            String ext = extension.toLowerCase(Locale.ROOT);
            if (lower.length() > ext.length() && lower.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    private static Path realOrNormal(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }
}
