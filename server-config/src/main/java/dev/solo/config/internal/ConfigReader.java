package dev.solo.config.internal;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one configuration document: the main file and, recursively, every file it includes.
 *
 * <p>One instance per document. It keeps the chain of files being read, so that an include cycle
 * is reported instead of recursing forever, and the list of every file read.
 */
public final class ConfigReader {

    /** Canonical identities of the files being read, outermost first: detects include cycles. */
    private final List<Path> openKeys = new ArrayList<>();
    /** The same files as given, for the cycle message. */
    private final List<Path> openFiles = new ArrayList<>();
    private final Set<Path> filesRead = new LinkedHashSet<>();

    private ConfigReader() {
    }

    /**
     * Reads and parses a configuration file with all its includes.
     *
     * @param file the main file; relative paths stay relative in positions
     * @return the document
     * @throws ConfigException if a file cannot be read or holds a syntax error
     */
    public static ConfigDocument readFile(Path file) throws ConfigException {
        String text = SourceFiles.read(file, SourcePosition.ofFile(file), "configuration file");
        return readText(text, file);
    }

    /**
     * Parses configuration text as if it were the content of a file; includes are read from disk,
     * relative to that file's directory.
     *
     * @param text the configuration text
     * @param file the file the text pretends to come from
     * @return the document
     * @throws ConfigException if an included file cannot be read or there is a syntax error
     */
    public static ConfigDocument readText(String text, Path file) throws ConfigException {
        ConfigReader reader = new ConfigReader();
        List<Directive> directives = reader.parse(text, file);
        return new ConfigDocument(file, directives, List.copyOf(reader.filesRead));
    }

    private List<Directive> parse(String text, Path file) throws ConfigException {
        openKeys.add(identity(file));
        openFiles.add(file);
        filesRead.add(file);
        try {
            return new FileParser(this, text, file).parseAll();
        } finally {
            openKeys.remove(openKeys.size() - 1);
            openFiles.remove(openFiles.size() - 1);
        }
    }

    /**
     * Reads the files named by an {@code include} argument and returns their directives in place of it.
     *
     * @param argument the include argument token
     * @param includingFile the file that holds the {@code include}
     * @return the included directives, files in name order
     * @throws ConfigException for a missing file, a cycle or an error inside an included file
     */
    List<Directive> include(Token argument, Path includingFile) throws ConfigException {
        List<Directive> result = new ArrayList<>();
        for (Path target : IncludePaths.resolve(argument.value(), includingFile, argument.start())) {
            int open = openKeys.indexOf(identity(target));
            if (open >= 0) {
                List<Path> chain = new ArrayList<>(openFiles.subList(open, openFiles.size()));
                chain.add(target);
                throw new ConfigException(argument.start(), "include cycle: "
                        + chain.stream().map(Path::toString).collect(Collectors.joining(" -> ")));
            }
            String text = SourceFiles.read(target, argument.start(), "included file '" + target + "'");
            result.addAll(parse(text, target));
        }
        return result;
    }

    /** The identity of a file for cycle detection: its real path if it exists, so links are seen through. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
