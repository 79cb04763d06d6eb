package dev.solo.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One directive of the configuration AST: {@code name arg ...;} or a block {@code name arg ... { ... }}.
 *
 * <p>Immutable. Directives that came from an {@code include} carry the position in their own file,
 * and relative paths in their arguments resolve against that file's directory
 * ({@link #resolvePath(int)}), never against the working directory.
 *
 * <p>The typed helpers ({@link #sizeArg(int)}, {@link #durationArg(int)}, {@link #intArg(int)},
 * {@link #flagArg(int)}) convert an argument or throw a {@link ConfigException} that points at it,
 * so a module reading its directives can simply let the exception propagate.
 */
public final class Directive {

    private final String name;
    private final SourcePosition position;
    private final List<Argument> args;
    private final boolean block;
    private final List<Directive> children;

    private Directive(String name, SourcePosition position, List<Argument> args, boolean block,
                      List<Directive> children) {
        this.name = Objects.requireNonNull(name, "name");
        this.position = Objects.requireNonNull(position, "position");
        this.args = List.copyOf(args);
        this.block = block;
        this.children = List.copyOf(children);
    }

    /**
     * Creates a simple directive, one ending with {@code ;}.
     *
     * @param name the directive name
     * @param position where the name starts
     * @param args the arguments, in order
     * @return the directive
     */
    public static Directive simple(String name, SourcePosition position, List<Argument> args) {
        return new Directive(name, position, args, false, List.of());
    }

    /**
     * Creates a block directive, {@code name args { children }}.
     *
     * @param name the directive name
     * @param position where the name starts
     * @param args the arguments before <code>&#123;</code>, in order
     * @param children the directives inside the braces, in order (may be empty)
     * @return the directive
     */
    public static Directive block(String name, SourcePosition position, List<Argument> args,
                                  List<Directive> children) {
        return new Directive(name, position, args, true, children);
    }

    /**
     * The directive name.
     *
     * @return the name, never empty
     */
    public String name() {
        return name;
    }

    /**
     * Where the directive's name starts.
     *
     * @return the position
     */
    public SourcePosition position() {
        return position;
    }

    /**
     * The arguments (for a block, the ones before the opening brace).
     *
     * @return an unmodifiable list
     */
    public List<Argument> args() {
        return args;
    }

    /**
     * Tells whether this directive was written as a block, even an empty one.
     *
     * @return true for {@code name ... { ... }}, false for {@code name ...;}
     */
    public boolean isBlock() {
        return block;
    }

    /**
     * The directives inside the block.
     *
     * @return an unmodifiable list, empty if this is not a block
     */
    public List<Directive> children() {
        return children;
    }

    /**
     * The file this directive was written in (as given, or as derived from an {@code include}).
     *
     * @return the file of {@link #position()}
     */
    public Path sourceFile() {
        return position.file();
    }

    /**
     * The number of arguments.
     *
     * @return the argument count
     */
    public int argCount() {
        return args.size();
    }

    /**
     * The value of one argument.
     *
     * @param index 0-based argument index
     * @return the argument value
     * @throws IndexOutOfBoundsException if there is no such argument; validate the directive
     *         against its spec first, or check {@link #argCount()}
     */
    public String arg(int index) {
        return args.get(index).value();
    }

    /**
     * All children with a name, in order.
     *
     * @param childName the directive name to look for
     * @return an unmodifiable list, possibly empty
     */
    public List<Directive> children(String childName) {
        return children.stream().filter(d -> d.name.equals(childName)).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The first child with a name.
     *
     * @param childName the directive name to look for
     * @return the first such child, or empty
     */
    public Optional<Directive> child(String childName) {
        return children.stream().filter(d -> d.name.equals(childName)).findFirst();
    }

    /**
     * Resolves a path argument against the directory of the file this directive was written in.
     *
     * @param index 0-based argument index
     * @return an absolute, normalized path
     * @throws ConfigException if the argument is missing or is not a valid path
     */
    public Path resolvePath(int index) throws ConfigException {
        String value = required(index).value();
        try {
            Path base = sourceFile().toAbsolutePath().getParent();
            Path given = Path.of(value);
            return (base == null ? given.toAbsolutePath() : base.resolve(given)).normalize();
        } catch (InvalidPathException e) {
            throw argError(index, "invalid path '" + value + "': " + e.getReason());
        }
    }

    /**
     * Reads an argument as a size in bytes ({@code 512}, {@code 64k}, {@code 10m}, {@code 1g}).
     *
     * @param index 0-based argument index
     * @return the size in bytes
     * @throws ConfigException at the argument if it is missing or not a valid size
     * @see Sizes#parse(String)
     */
    public long sizeArg(int index) throws ConfigException {
        String value = required(index).value();
        try {
            return Sizes.parse(value);
        } catch (IllegalArgumentException e) {
            throw argError(index, "'" + name + "': " + e.getMessage());
        }
    }

    /**
     * Reads an argument as a duration ({@code 30}, {@code 500ms}, {@code 5m}, {@code 1h30m}).
     *
     * @param index 0-based argument index
     * @return the duration
     * @throws ConfigException at the argument if it is missing or not a valid duration
     * @see Durations#parse(String)
     */
    public Duration durationArg(int index) throws ConfigException {
        String value = required(index).value();
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw argError(index, "'" + name + "': " + e.getMessage());
        }
    }

    /**
     * Reads an argument as a decimal {@code int} (optional leading {@code -}, digits only).
     *
     * @param index 0-based argument index
     * @return the number
     * @throws ConfigException at the argument if it is missing or not an int
     */
    public int intArg(int index) throws ConfigException {
        String value = required(index).value();
        if (!value.matches("-?[0-9]+")) {
            throw argError(index, "'" + name + "': invalid integer '" + value + "'");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            // Only reachable for too many digits: the pattern already excludes anything else.
            throw argError(index, "'" + name + "': integer '" + value + "' is out of range");
        }
    }

    /**
     * Reads an argument as a flag: {@code on} or {@code off}, in any letter case.
     *
     * @param index 0-based argument index
     * @return true for {@code on}, false for {@code off}
     * @throws ConfigException at the argument if it is missing or neither on nor off
     */
    public boolean flagArg(int index) throws ConfigException {
        String value = required(index).value();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on":
                return true;
            case "off":
                return false;
            default:
                throw argError(index, "'" + name + "': expected 'on' or 'off', got '" + value + "'");
        }
    }

    /**
     * Makes an exception that points at this directive, for checks done by the module reading it.
     *
     * @param message what is wrong
     * @return the exception, to be thrown by the caller
     */
    public ConfigException error(String message) {
        return new ConfigException(position, message);
    }

    /**
     * Makes an exception that points at one argument, or at the directive if the argument is missing.
     *
     * @param index 0-based argument index
     * @param message what is wrong
     * @return the exception, to be thrown by the caller
     */
    public ConfigException argError(int index, String message) {
        SourcePosition where = index >= 0 && index < args.size() ? args.get(index).position() : position;
        return new ConfigException(where, message);
    }

    private Argument required(int index) throws ConfigException {
        if (index < 0 || index >= args.size()) {
            throw error("'" + name + "' is missing argument " + (index + 1));
        }
        return args.get(index);
    }

    /**
     * Directives are equal when name, position, arguments and children are equal.
     *
     * @param other the object to compare with
     * @return whether both describe the same directive
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Directive)) {
            return false;
        }
        Directive that = (Directive) other;
        return block == that.block && name.equals(that.name) && position.equals(that.position)
                && args.equals(that.args) && children.equals(that.children);
    }

    /**
     * A hash consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(name, position, args, block, children);
    }

    /**
     * A short rendering for logs and debugging, such as {@code listen 8080; at solo.conf:3:5}.
     *
     * @return the directive head and its position
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name);
        for (Argument arg : args) {
            text.append(' ').append(arg.quoted() ? '"' + arg.value() + '"' : arg.value());
        }
        text.append(block ? " { " + children.size() + " children }" : ";");
        return text.append(" at ").append(position).toString();
    }
}
