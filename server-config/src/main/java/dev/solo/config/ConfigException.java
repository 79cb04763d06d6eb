package dev.solo.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A configuration is wrong: carries one or more {@link ConfigError}s with their positions.
 *
 * <p>It is checked on purpose: a bad configuration is an expected event that the caller must
 * report to the user, by printing {@link #getMessage()} (one error per line), never a stack trace.
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Transient: errors hold {@code Path}s, which are not serializable. */
    private final transient List<ConfigError> errors;

    /**
     * Creates an exception for one error.
     *
     * @param error the error
     */
    public ConfigException(ConfigError error) {
        this(List.of(error));
    }

    /**
     * Creates an exception for one error at a position.
     *
     * @param position where the problem is
     * @param message what is wrong
     */
    public ConfigException(SourcePosition position, String message) {
        this(new ConfigError(position, message));
    }

    /**
     * Creates an exception for one error caused by another exception, such as an I/O failure.
     *
     * @param error the error
     * @param cause what caused it
     */
    public ConfigException(ConfigError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").toString(), cause);
        this.errors = List.of(error);
    }

    /**
     * Creates an exception for several errors, in the order they should be shown.
     *
     * @param errors the errors; must not be empty
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public ConfigException(List<ConfigError> errors) {
        super(join(errors));
        this.errors = List.copyOf(errors);
    }

    private static String join(List<ConfigError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }

    /**
     * The errors, in document order where that applies.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<ConfigError> errors() {
        return errors;
    }
}
