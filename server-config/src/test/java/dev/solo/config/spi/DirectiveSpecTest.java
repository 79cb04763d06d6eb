package dev.solo.config.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectiveSpecTest {

    @Test
    void builderDefaultsToSimpleNonRepeatableDirectiveWithoutArguments() {
        DirectiveSpec spec = DirectiveSpec.builder("gzip").contexts("server").build();

        assertEquals("gzip", spec.name());
        assertEquals(Set.of("server"), spec.contexts());
        assertEquals(0, spec.minArgs());
        assertEquals(0, spec.maxArgs());
        assertFalse(spec.repeatable());
        assertFalse(spec.isBlock());
        assertNull(spec.blockContext());
        assertTrue(spec.checks().isEmpty());
    }

    @Test
    void createConfiguresEverythingInOneExpression() {
        ArgumentCheck check = ArgumentChecks.flag(0);

        DirectiveSpec spec = DirectiveSpec.create("location", b -> b.contexts("server", "location")
                .args(1, 2).repeatable(true).blockContext("location").check(check));

        assertEquals(List.of("server", "location"), List.copyOf(spec.contexts()));
        assertEquals(1, spec.minArgs());
        assertEquals(2, spec.maxArgs());
        assertTrue(spec.repeatable());
        assertTrue(spec.isBlock());
        assertEquals("location", spec.blockContext());
        assertEquals(List.of(check), spec.checks());
        assertTrue(spec.allowedIn("location"));
        assertFalse(spec.allowedIn(DirectiveSpec.MAIN_CONTEXT));
    }

    @Test
    void argsAtLeastHasNoUpperBound() {
        DirectiveSpec spec = DirectiveSpec.create("index", b -> b.contexts("server").argsAtLeast(1));

        assertEquals(DirectiveSpec.UNBOUNDED, spec.maxArgs());
        assertEquals("DirectiveSpec[index in [server], args 1..*]", spec.toString());
    }

    @Test
    void anyContextAllowsEveryContext() {
        DirectiveSpec spec = DirectiveSpec.create("include", b -> b.anyContext().args(1));

        assertTrue(spec.anyContext());
        assertTrue(spec.allowedIn("main"));
        assertTrue(spec.allowedIn("whatever"));
        assertTrue(spec.contexts().isEmpty());
    }

    @Test
    void specIsUnaffectedByLaterBuilderChanges() {
        DirectiveSpec.Builder builder = DirectiveSpec.builder("root").contexts("server");
        DirectiveSpec spec = builder.build();

        builder.contexts("location").args(3);

        assertEquals(Set.of("server"), spec.contexts());
        assertEquals(0, spec.maxArgs());
        assertThrows(UnsupportedOperationException.class, () -> spec.contexts().add("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "semi;", "brace{", "hash#", "quote\""})
    void rejectsNamesThatCannotBeWritten(String name) {
        DirectiveSpec.Builder builder = DirectiveSpec.builder(name).contexts("main");

        assertThrows(IllegalStateException.class, builder::build);
    }

    @Test
    void rejectsSpecWithoutContext() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DirectiveSpec.builder("root").args(1).build());

        assertEquals("directive 'root' declares no context", e.getMessage());
    }

    @Test
    void rejectsInvalidArgumentBounds() {
        assertThrows(IllegalStateException.class, () -> DirectiveSpec.create("a", b -> b.contexts("main").args(2, 1)));
        assertThrows(IllegalStateException.class, () -> DirectiveSpec.create("a", b -> b.contexts("main").args(-1)));
    }

    @Test
    void rejectsEmptyContextNames() {
        assertThrows(IllegalStateException.class, () -> DirectiveSpec.create("a", b -> b.contexts("")));
        assertThrows(IllegalStateException.class,
                () -> DirectiveSpec.create("a", b -> b.contexts("main").blockContext("")));
    }
}
