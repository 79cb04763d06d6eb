package dev.solo.cgi.internal;

import dev.solo.http.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the script in a request path: walks the decoded segments from the left, and the first one that ends in a
 * configured extension and maps to a regular file is the script; the rest of the path is {@code PATH_INFO}. So
 * {@code /cgi-bin/app.py/users/7} runs {@code app.py} with {@code PATH_INFO=/users/7}.
 */
final class ScriptLocator {

    /** What the path holds. */
    public enum Outcome {
        /** No segment has a configured extension: not a CGI request, the next handler may take it. */
        NOT_CGI,
        /** A segment has an extension, but no such file exists (or it lies outside the root): 404. */
        NOT_FOUND,
        /** The first candidate is a directory (and no later segment is a script): 403. */
        DIRECTORY,
        /** A script was found. */
        FOUND
    }

    /**
     * The result of a lookup.
     *
     * @param outcome what the path holds
     * @param match the script and path split, for {@link Outcome#FOUND}; null otherwise
     */
    public record Result(Outcome outcome, ScriptMatch match) {
    }

    private static final Result NOT_CGI = new Result(Outcome.NOT_CGI, null);
    private static final Result NOT_FOUND = new Result(Outcome.NOT_FOUND, null);
    private static final Result DIRECTORY = new Result(Outcome.DIRECTORY, null);

    private ScriptLocator() {
    }

    /**
     * @param path the decoded, normalised request path (starts with {@code /}, no dot segments)
     * @param location maps URL paths to files
     * @param settings the configured extensions
     * @return what the path holds
     */
    public static Result locate(String path, Location location, CgiSettings settings) {
        Result firstMiss = null;
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            Optional<ScriptType> type = settings.typeOf(path.substring(start, end));
            if (type.isPresent()) {
                String scriptName = path.substring(0, end);
                Optional<Path> file = location.resolve(scriptName);
                if (file.isPresent() && Files.isRegularFile(file.get())) {
                    Path script = file.get().toAbsolutePath().normalize();
                    return new Result(Outcome.FOUND,
                            new ScriptMatch(script, type.get(), scriptName, path.substring(end)));
                }
                if (firstMiss == null) {
                    firstMiss = file.isPresent() && Files.isDirectory(file.get()) ? DIRECTORY : NOT_FOUND;
                }
            }
            start = end + 1;
        }
        return firstMiss == null ? NOT_CGI : firstMiss;
    }
}
