package dev.solo.session.internal;

import static dev.solo.session.internal.ConfigFixtures.directive;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.spi.ArgumentCheck;
import dev.solo.config.spi.DirectiveSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionDirectivesTest {

    private final Map<String, DirectiveSpec> specs = new SessionDirectives().directives().stream()
            .collect(Collectors.toMap(DirectiveSpec::name, Function.identity()));

    private void check(Directive directive) throws ConfigException {
        DirectiveSpec spec = specs.get(directive.name());
        for (ArgumentCheck check : spec.checks()) {
            check.check(directive);
        }
    }

    @Test
    void declaresTheSessionDirectives() {
        assertEquals(List.of("session_cookie", "session_cookie_secure", "session_demo", "session_dir",
                "session_lifetime", "session_max", "session_redis", "session_redis_command_timeout",
                "session_redis_connect_timeout", "session_store", "session_timeout"),
                specs.keySet().stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void sessionSettingsBelongAtTopLevelAndInServersTheDemoInLocations() {
        specs.values().stream().filter(s -> !s.name().equals("session_demo")).forEach(spec -> assertAll(spec.name(),
                () -> assertTrue(spec.allowedIn("main")),
                () -> assertTrue(spec.allowedIn("server")),
                () -> assertFalse(spec.allowedIn("location")),
                () -> assertEquals(1, spec.minArgs()),
                () -> assertEquals(1, spec.maxArgs())));
        DirectiveSpec demo = specs.get("session_demo");
        assertTrue(demo.allowedIn("location"));
        assertFalse(demo.allowedIn("server"));
    }

    @ParameterizedTest
    @CsvSource({
        "session_timeout, 30m", "session_timeout, 90", "session_lifetime, 1d", "session_max, 100000",
        "session_max, 100k", "session_max, 1", "session_cookie, SOLOSESSION", "session_cookie, __Host-id",
        "session_cookie_secure, on", "session_demo, off", "session_redis, redis://127.0.0.1:6379",
        "session_redis, 'redis://:s3cret@redis.example:6380/2'", "session_redis, 'redis://[::1]:6379'",
        "session_redis_connect_timeout, 500ms", "session_redis_command_timeout, 2s"
    })
    void acceptsValidArguments(String name, String value) {
        assertDoesNotThrow(() -> check(directive(name, value)));
    }

    @ParameterizedTest
    @CsvSource({
        "session_timeout, 0", "session_timeout, 0s", "session_timeout, soon", "session_lifetime, -1h",
        "session_max, 0", "session_max, 2g", "session_max, many", "session_cookie, 'bad name'",
        "session_cookie, 'a;b'", "session_cookie_secure, yes", "session_demo, 1", "session_redis, localhost:6379",
        "session_redis, redis://localhost", "session_redis, rediss://localhost:6379",
        "session_redis, redis://localhost:6379/x", "session_redis, 'redis://secret@localhost:6379'",
        "session_redis_command_timeout, 0"
    })
    void rejectsInvalidArgumentsAtTheArgument(String name, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> check(directive(name, value)));

        assertEquals(5 + name.length(), e.errors().get(0).position().column());
    }
}
