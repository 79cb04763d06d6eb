package dev.solo.config;

import dev.solo.config.internal.ConfigReader;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Parses configuration files into a {@link ConfigDocument}.
 *
 * <p>Parsing checks syntax only and expands {@code include}s; it knows no other directive. Check the
 * result against the directives the modules declare with {@link DirectiveRegistry#validate(ConfigDocument)}.
 * Syntax errors stop parsing at the first one, with its exact position.
 *
 * <pre>{@code
 * ConfigDocument doc = ConfigParser.parse(Path.of("conf/solo.conf"));
 * DirectiveRegistry.load().validate(doc);
 * }</pre>
 */
public final class ConfigParser {

    private ConfigParser() {
    }

    /**
     * Reads and parses a configuration file and every file it includes.
     *
     * @param file the configuration file; error positions show it as given (relative stays relative)
     * @return the document
     * @throws ConfigException if a file cannot be read, an include is wrong, or the syntax is wrong
     */
    public static ConfigDocument parse(Path file) throws ConfigException {
        return ConfigReader.readFile(Objects.requireNonNull(file, "file"));
    }

    /**
     * Parses configuration text as if it were the content of a file, for tests and embedded defaults.
     * Includes are read from disk, relative to the directory of {@code pretendFile}, and relative paths
     * in directives resolve against it too.
     *
     * @param text the configuration text
     * @param pretendFile the file the text is said to come from; it need not exist
     * @return the document
     * @throws ConfigException if the syntax is wrong or an included file is wrong
     */
    public static ConfigDocument parse(String text, Path pretendFile) throws ConfigException {
        return ConfigReader.readText(Objects.requireNonNull(text, "text"), Objects.requireNonNull(pretendFile, "pretendFile"));
    }
}
