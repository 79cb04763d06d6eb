package dev.solo.cgi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.Argument;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import dev.solo.config.spi.ArgumentCheck;
import dev.solo.config.spi.DirectiveSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CgiDirectivesTest {

    private static final Path FILE = Path.of("solo.conf");

    private final Map<String, DirectiveSpec> specs = new CgiDirectives().directives().stream()
            .collect(Collectors.toMap(DirectiveSpec::name, Function.identity()));

    private static Directive directive(String name, String... args) {
        List<Argument> arguments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            arguments.add(new Argument(args[i], new SourcePosition(FILE, 1, 10 + 10 * i), false));
        }
        return Directive.simple(name, new SourcePosition(FILE, 1, 1), arguments);
    }

    private void check(Directive directive) throws ConfigException {
        for (ArgumentCheck check : specs.get(directive.name()).checks()) {
            check.check(directive);
        }
    }

    @Test
    void declaresTheSixDirectivesWhereTheyBelong() {
        assertEquals(6, specs.size());
        DirectiveSpec cgi = specs.get("cgi");
        assertTrue(cgi.allowedIn("location"));
        assertFalse(cgi.allowedIn("server"));
        assertTrue(cgi.repeatable());
        assertEquals(1, cgi.minArgs());
        assertEquals(2, cgi.maxArgs());
        assertTrue(specs.get("cgi_timeout").allowedIn("server"));
        assertTrue(specs.get("cgi_timeout").allowedIn("location"));
        assertTrue(specs.get("cgi_max_processes").allowedIn(DirectiveSpec.MAIN_CONTEXT));
        assertFalse(specs.get("cgi_max_processes").allowedIn("location"));
        assertTrue(specs.get("cgi_env").repeatable());
        assertTrue(specs.get("cgi_queue_size").allowedIn(DirectiveSpec.MAIN_CONTEXT));
        assertTrue(specs.get("cgi_queue_timeout").allowedIn("location"));
    }

    @Test
    void acceptsValidSettings() {
        assertDoesNotThrow(() -> check(directive("cgi", ".py")));
        assertDoesNotThrow(() -> check(directive("cgi", ".sh", "/bin/sh")));
        assertDoesNotThrow(() -> check(directive("cgi_timeout", "1m30s")));
        assertDoesNotThrow(() -> check(directive("cgi_max_processes", "8")));
        assertDoesNotThrow(() -> check(directive("cgi_env", "APP_MODE", "x y")));
        assertDoesNotThrow(() -> check(directive("cgi_queue_size", "0")));
        assertDoesNotThrow(() -> check(directive("cgi_queue_timeout", "2s")));
    }

    @Test
    void rejectsExtensionWithoutDot() {
        ConfigException e = assertThrows(ConfigException.class, () -> check(directive("cgi", "py")));
        assertEquals(new SourcePosition(FILE, 1, 10), e.errors().get(0).position());
    }

    @Test
    void rejectsMissingInterpreterAtItsArgument() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> check(directive("cgi", ".py", "/nonexistent/python")));
        assertEquals(new SourcePosition(FILE, 1, 20), e.errors().get(0).position());
    }

    @Test
    void rejectsBadNumbersAndNames() {
        assertThrows(ConfigException.class, () -> check(directive("cgi_timeout", "0")));
        assertThrows(ConfigException.class, () -> check(directive("cgi_timeout", "soon")));
        assertThrows(ConfigException.class, () -> check(directive("cgi_max_processes", "0")));
        assertThrows(ConfigException.class, () -> check(directive("cgi_env", "1BAD", "x")));
        assertThrows(ConfigException.class, () -> check(directive("cgi_env", "A-B", "x")));
        assertThrows(ConfigException.class, () -> check(directive("cgi_queue_size", "-1")));
        assertThrows(ConfigException.class, () -> check(directive("cgi_queue_timeout", "0")));
    }
}
