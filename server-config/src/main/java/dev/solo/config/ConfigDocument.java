package dev.solo.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed configuration: the top-level ({@value dev.solo.config.spi.DirectiveSpec#MAIN_CONTEXT})
 * directives of a file, with every {@code include} already replaced by the directives it read.
 *
 * <p>Immutable. Obtain one from {@link ConfigParser}, then check it with
 * {@link DirectiveRegistry#validate(ConfigDocument)} before reading it.
 */
public final class ConfigDocument {

    private final Path file;
    private final List<Directive> directives;
    private final List<Path> files;

    /**
     * Creates a document.
     *
     * @param file the main configuration file, as given
     * @param directives the top-level directives, in order
     * @param files every file that was read, main file first, then included files in reading order
     */
    public ConfigDocument(Path file, List<Directive> directives, List<Path> files) {
        this.file = Objects.requireNonNull(file, "file");
        this.directives = List.copyOf(directives);
        this.files = List.copyOf(files);
    }

    /**
     * The main configuration file, as it was given to the parser.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * The top-level directives, includes expanded.
     *
     * @return an unmodifiable list
     */
    public List<Directive> directives() {
        return directives;
    }

    /**
     * All top-level directives with a name, in order.
     *
     * @param name the directive name
     * @return an unmodifiable list, possibly empty
     */
    public List<Directive> directives(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The first top-level directive with a name.
     *
     * @param name the directive name
     * @return the directive, or empty
     */
    public Optional<Directive> directive(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * Every file that was read to build this document, for example to watch them for a reload.
     *
     * @return the main file first, then included files in the order they were read; unmodifiable
     */
    public List<Path> files() {
        return files;
    }
}
