package dev.solo.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in a configuration file, used for every AST node and every error.
 *
 * <p>Lines and columns are 1-based and count characters (a tab is one column). Line and
 * column 0 mean "the file as a whole", for problems such as a file that cannot be read.
 *
 * @param file the file exactly as it was given to the parser (relative if it was given relative),
 *             or as derived from an {@code include}
 * @param line 1-based line, or 0 for the whole file
 * @param column 1-based column, or 0 for the whole file
 */
public record SourcePosition(Path file, int line, int column) {

    /**
     * Checks the components.
     *
     * @param file the file
     * @param line 1-based line, or 0
     * @param column 1-based column, or 0
     * @throws NullPointerException if {@code file} is null
     * @throws IllegalArgumentException if {@code line} or {@code column} is negative
     */
    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
        }
    }

    /**
     * A position that stands for a whole file (line and column 0).
     *
     * @param file the file
     * @return the position of the file as a whole
     */
    public static SourcePosition ofFile(Path file) {
        return new SourcePosition(file, 0, 0);
    }

    /**
     * Tells whether this position stands for the whole file rather than a line in it.
     *
     * @return true if line is 0
     */
    public boolean isWholeFile() {
        return line == 0;
    }

    /**
     * Renders the position the way compilers do, so editors can jump to it.
     *
     * @return {@code file:line:column}, or just {@code file} for a whole-file position
     */
    @Override
    public String toString() {
        return isWholeFile() ? file.toString() : file + ":" + line + ":" + column;
    }
}
