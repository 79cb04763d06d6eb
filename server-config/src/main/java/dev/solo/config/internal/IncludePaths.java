package dev.solo.config.internal;

import dev.solo.config.ConfigException;
import dev.solo.config.SourcePosition;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the argument of an {@code include} into the files to read.
 *
 * <p>A relative argument is taken from the directory of the including file, and the results stay
 * relative if that file's path was relative. Wildcards ({@code *}, {@code ?}) are allowed in the last
 * path segment only; matches are regular files sorted by name, and no match at all is fine (an empty
 * {@code conf.d/} is normal). A name without wildcards must exist, which the reader checks.
 */
final class IncludePaths {

    private IncludePaths() {
    }

    static List<Path> resolve(String argument, Path includingFile, SourcePosition at) throws ConfigException {
        if (argument.isEmpty()) {
            throw new ConfigException(at, "empty include path");
        }
        Path given;
        try {
            given = Path.of(argument);
        } catch (InvalidPathException e) {
            throw new ConfigException(at, "invalid include path '" + argument + "': " + e.getReason());
        }
        Path target = includingFile.resolveSibling(given);
        if (!Glob.hasWildcards(argument)) {
            return List.of(target);
        }
        Path namePattern = given.getFileName();
        if (namePattern == null || (given.getParent() != null && Glob.hasWildcards(given.getParent().toString()))) {
            throw new ConfigException(at, "wildcards are only allowed in the last segment of an include path: '"
                    + argument + "'");
        }
        Path directory = target.getParent() != null ? target.getParent() : Path.of("");
        return matches(directory, namePattern.toString(), at);
    }

    private static List<Path> matches(Path directory, String pattern, SourcePosition at) throws ConfigException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Glob.matches(pattern, entry.getFileName().toString()) && Files.isRegularFile(entry)) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            throw new ConfigException(at, "cannot list directory '" + directory + "': " + SourceFiles.reason(e));
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return found;
    }
}
