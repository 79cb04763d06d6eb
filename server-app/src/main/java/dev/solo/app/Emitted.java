package dev.solo.app;

import dev.solo.config.Argument;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns builder calls into config AST nodes, each with a position that names the call: an error then reads
 * {@code [builder] server #1 > location "/up/" > client_max_body_size -1: ...}, as precise as {@code file:line:col}.
 */
final class Emitted {

    private Emitted() {
    }

    /** A simple directive written by a builder call at {@code where}. */
    static Directive simple(String where, String name, String... args) {
        SourcePosition position = position(where + " > " + name + (args.length == 0 ? "" : " "
                + String.join(" ", args)));
        return Directive.simple(name, position, arguments(position, args));
    }

    /** A block directive ({@code server}, {@code location}) opened by a builder call at {@code where}. */
    static Directive block(String where, String name, List<Directive> children, String... args) {
        SourcePosition position = position(where);
        return Directive.block(name, position, arguments(position, args), children);
    }

    /**
     * A whole-file position whose "file" is the description: the parser's messages print it verbatim. The builder
     * writes every path argument absolute, so nothing resolves against this made-up file's directory.
     */
    private static SourcePosition position(String description) {
        return SourcePosition.ofFile(Path.of("[builder] " + description.replace('\0', '?')));
    }

    private static List<Argument> arguments(SourcePosition position, String... args) {
        List<Argument> list = new ArrayList<>();
        for (String arg : args) {
            boolean quoted = arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace);
            list.add(new Argument(arg, position, quoted));
        }
        return list;
    }

    /** @return {@code on} or {@code off} */
    static String flag(boolean on) {
        return on ? "on" : "off";
    }

    /** @return the duration in the config's syntax, in milliseconds ({@code 1500ms}) */
    static String duration(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /** @return the path made absolute, so that it means what it means to the embedding program */
    static String path(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
