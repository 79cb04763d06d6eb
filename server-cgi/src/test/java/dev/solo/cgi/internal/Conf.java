package dev.solo.cgi.internal;

import dev.solo.config.Argument;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds config AST nodes as the parser would, with positions: the name at column 5, arguments every 10 columns. */
final class Conf {

    static final Path FILE = Path.of("solo.conf");

    private Conf() {
    }

    static Directive directive(String name, int line, String... args) {
        return directiveIn(FILE, name, line, args);
    }

    static Directive directiveIn(Path file, String name, int line, String... args) {
        List<Argument> arguments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            arguments.add(new Argument(args[i], argumentPosition(file, line, i), false));
        }
        return Directive.simple(name, new SourcePosition(file, line, 5), arguments);
    }

    static Directive block(String name, int line, List<Directive> children) {
        return Directive.block(name, new SourcePosition(FILE, line, 1), List.of(), children);
    }

    static SourcePosition argumentPosition(Path file, int line, int index) {
        return new SourcePosition(file, line, 15 + 10 * index);
    }
}
