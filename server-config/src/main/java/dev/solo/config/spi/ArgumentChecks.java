package dev.solo.config.spi;

import dev.solo.config.Directive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made {@link ArgumentCheck}s for common argument types.
 *
 * <p>Each check looks at one argument by 0-based index and does nothing if the directive has no
 * such argument, so it also fits optional arguments; the spec's argument count already decides
 * whether an argument must be there.
 */
public final class ArgumentChecks {

    private ArgumentChecks() {
    }

    /**
     * The argument is a size such as {@code 10m}.
     *
     * @param index 0-based argument index
     * @return the check
     * @see Directive#sizeArg(int)
     */
    public static ArgumentCheck size(int index) {
        return d -> {
            if (has(d, index)) {
                d.sizeArg(index);
            }
        };
    }

    /**
     * The argument is a duration such as {@code 30s}.
     *
     * @param index 0-based argument index
     * @return the check
     * @see Directive#durationArg(int)
     */
    public static ArgumentCheck duration(int index) {
        return d -> {
            if (has(d, index)) {
                d.durationArg(index);
            }
        };
    }

    /**
     * The argument is an integer within bounds.
     *
     * @param index 0-based argument index
     * @param min smallest allowed value
     * @param max largest allowed value
     * @return the check
     * @throws IllegalArgumentException if {@code min > max}
     */
    public static ArgumentCheck integer(int index, int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        return d -> {
            if (has(d, index)) {
                int value = d.intArg(index);
                if (value < min || value > max) {
                    throw d.argError(index, "'" + d.name() + "' expects a number from " + min + " to " + max
                            + ", got " + value);
                }
            }
        };
    }

    /**
     * The argument is {@code on} or {@code off}.
     *
     * @param index 0-based argument index
     * @return the check
     * @see Directive#flagArg(int)
     */
    public static ArgumentCheck flag(int index) {
        return d -> {
            if (has(d, index)) {
                d.flagArg(index);
            }
        };
    }

    /**
     * The argument is exactly one of some words (case-sensitive).
     *
     * @param index 0-based argument index
     * @param allowed the allowed values
     * @return the check
     */
    public static ArgumentCheck oneOf(int index, String... allowed) {
        List<String> values = List.of(allowed);
        return d -> {
            if (has(d, index) && !values.contains(d.arg(index))) {
                throw d.argError(index, "'" + d.name() + "' expects one of " + String.join(", ", values)
                        + ", got '" + d.arg(index) + "'");
            }
        };
    }

    /**
     * The argument names an existing directory, relative to the directive's file.
     *
     * @param index 0-based argument index
     * @return the check
     * @see Directive#resolvePath(int)
     */
    public static ArgumentCheck existingDirectory(int index) {
        return d -> {
            if (has(d, index)) {
                Path path = d.resolvePath(index);
                if (!Files.isDirectory(path)) {
                    throw d.argError(index, Files.exists(path)
                            ? "'" + path + "' is not a directory"
                            : "directory '" + path + "' does not exist");
                }
            }
        };
    }

    /**
     * The argument names an existing, readable regular file, relative to the directive's file.
     *
     * @param index 0-based argument index
     * @return the check
     * @see Directive#resolvePath(int)
     */
    public static ArgumentCheck existingFile(int index) {
        return d -> {
            if (has(d, index)) {
                Path path = d.resolvePath(index);
                if (!Files.exists(path)) {
                    throw d.argError(index, "file '" + path + "' does not exist");
                }
                if (!Files.isRegularFile(path)) {
                    throw d.argError(index, "'" + path + "' is not a regular file");
                }
                if (!Files.isReadable(path)) {
                    throw d.argError(index, "file '" + path + "' is not readable");
                }
            }
        };
    }

    private static boolean has(Directive directive, int index) {
        Objects.requireNonNull(directive, "directive");
        return index >= 0 && index < directive.argCount();
    }
}
