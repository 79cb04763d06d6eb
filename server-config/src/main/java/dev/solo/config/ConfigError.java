package dev.solo.config;

import java.util.Objects;

/**
 * One problem found in a configuration: where it is and what is wrong.
 *
 * @param position where the problem is
 * @param message what is wrong, one line, without the position
 */
public record ConfigError(SourcePosition position, String message) {

    /**
     * Checks the components.
     *
     * @param position where the problem is
     * @param message what is wrong
     * @throws NullPointerException if a component is null
     */
    public ConfigError {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Renders the error for people and editors.
     *
     * @return {@code file:line:column: message}
     */
    @Override
    public String toString() {
        return position + ": " + message;
    }
}
