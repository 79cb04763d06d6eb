package dev.solo.config;

import java.util.Objects;

/**
 * One argument of a directive, after quotes and escapes were removed.
 *
 * @param value the argument text without quotes, escapes already replaced
 * @param position where the argument starts (the opening quote if it was quoted)
 * @param quoted whether the argument was written in quotes; lets a directive tell
 *               {@code ""} from a missing value or a quoted word from a keyword
 */
public record Argument(String value, SourcePosition position, boolean quoted) {

    /**
     * Checks the components.
     *
     * @param value the argument text
     * @param position where the argument starts
     * @param quoted whether it was quoted
     * @throws NullPointerException if {@code value} or {@code position} is null
     */
    public Argument {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }
}
