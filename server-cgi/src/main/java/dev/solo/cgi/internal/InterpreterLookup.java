package dev.solo.cgi.internal;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds the interpreter named by {@code cgi EXT INTERPRETER;} when the configuration is loaded, so that a typo fails
 * the start with a position instead of every request with a 500.
 *
 * <p>A name with a slash is a path (absolute, or relative to the configuration file, like every path in the
 * configuration); a bare name is looked up on {@code PATH}, as a shell would.
 */
public final class InterpreterLookup {

    private InterpreterLookup() {
    }

    /**
     * @param directive the {@code cgi} directive
     * @param index the interpreter's argument index
     * @param searchPath the {@code PATH} to search for bare names (entries separated by {@link File#pathSeparator});
     *                   null or empty finds nothing
     * @return the interpreter's absolute, normalised path
     * @throws ConfigException at the argument when the interpreter is missing, not a file or not executable
     */
    public static Path find(Directive directive, int index, String searchPath) throws ConfigException {
        String name = directive.arg(index);
        if (name.isEmpty()) {
            throw directive.argError(index, "'" + directive.name() + "': empty interpreter name");
        }
        if (name.indexOf('/') >= 0) {
            Path path = directive.resolvePath(index);
            if (!Files.exists(path)) {
                throw directive.argError(index, "interpreter '" + path + "' does not exist");
            }
            if (!Files.isRegularFile(path)) {
                throw directive.argError(index, "interpreter '" + path + "' is not a regular file");
            }
            if (!Files.isExecutable(path)) {
                throw directive.argError(index, "interpreter '" + path + "' is not executable");
            }
            return path;
        }
        Path found = onSearchPath(name, searchPath);
        if (found == null) {
            throw directive.argError(index, "interpreter '" + name + "' not found on PATH"
                    + (searchPath == null || searchPath.isEmpty() ? " (PATH is not set)" : " (" + searchPath + ")"));
        }
        return found;
    }

    private static Path onSearchPath(String name, String searchPath) {
        if (searchPath == null) {
            return null;
        }
        for (String entry : searchPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                // An empty entry means the working directory to a shell; a server must not depend on where it started.
                continue;
            }
            try {
                Path candidate = Path.of(entry).resolve(name).toAbsolutePath().normalize();
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            } catch (InvalidPathException e) {
                // A malformed PATH entry cannot hold the interpreter; the next one may.
            }
        }
        return null;
    }
}
