package dev.solo.session.internal;

import dev.solo.config.Argument;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Builds configuration trees for tests, as the parser would. */
final class ConfigFixtures {

    static final Path CONFIG_FILE = Path.of("conf", "solo.conf");

    private ConfigFixtures() {
    }

    static Directive directive(String name, String... args) {
        List<Argument> arguments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            arguments.add(new Argument(args[i], new SourcePosition(CONFIG_FILE, 3, 5 + name.length() + i), false));
        }
        return Directive.simple(name, new SourcePosition(CONFIG_FILE, 3, 5), arguments);
    }

    static Directive server(Directive... children) {
        return Directive.block("server", new SourcePosition(CONFIG_FILE, 1, 1), List.of(), List.of(children));
    }

    /** Looks a name up among the server's children, as the http module's inheritance would. */
    static Function<String, Optional<Directive>> inherited(Directive server) {
        return server::child;
    }
}
