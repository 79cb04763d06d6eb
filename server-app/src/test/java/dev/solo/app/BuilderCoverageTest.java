package dev.solo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.DirectiveRegistry;
import dev.solo.config.spi.DirectiveSpec;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anything a config file can say, code can say: every directive of every installed module has a builder method of
 * the same name (in camel case) on the builder of each block it is allowed in, unless listed here with the reason.
 */
class BuilderCoverageTest {

    /** Directives without a typed builder method, and why; {@code directive(name, args...)} still writes them. */
    private static final Map<String, String> EXCLUDED = Map.of(
            "include", "reads another file: code composes with methods and variables instead",
            "worker_processes", "read by the solo launcher, which forks the workers; an embedding program owns its"
                    + " process",
            "pid", "read by the solo launcher, which writes the pid file; an embedding program owns its process");

    /** Directive names that are not Java identifiers once camel-cased. */
    private static final Map<String, String> RENAMED = Map.of("return", "returnStatus");

    private static final Map<String, Class<?>> BUILDERS = Map.of(
            DirectiveSpec.MAIN_CONTEXT, SoloBuilder.class,
            "server", ServerSpec.class,
            "location", LocationSpec.class);

    @Test
    void everyDirectiveHasABuilderMethodInEachBlockItIsAllowedIn() {
        DirectiveRegistry registry = DirectiveRegistry.load();
        List<String> missing = new ArrayList<>();
        for (String name : registry.knownNames()) {
            if (EXCLUDED.containsKey(name)) {
                continue;
            }
            DirectiveSpec spec = registry.spec(name).orElseThrow();
            String method = RENAMED.getOrDefault(name, camelCase(name));
            BUILDERS.forEach((context, builder) -> {
                if (spec.allowedIn(context) && !hasMethod(builder, method)) {
                    missing.add(name + " -> " + builder.getSimpleName() + "." + method + "(...)");
                }
            });
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void checksTheDirectivesOfEveryModuleOfTheServer() {
        // Guards the test above against an empty class path: the http, cgi, session and tls directives are there.
        List<String> names = DirectiveRegistry.load().knownNames();
        for (String name : List.of("listen", "cgi", "session_store", "ssl_certificate", "gzip", "upload")) {
            assertTrue(names.contains(name), name);
        }
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(name::equals);
    }

    private static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
