package dev.solo.config;

import dev.solo.config.spi.ArgumentChecks;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectiveRegistryTest {

    private static final Path FILE = Path.of("solo.conf");

    /** A stand-in for server-http's directives. */
    static final class WebDirectives implements DirectiveProvider {
        @Override
        public List<DirectiveSpec> directives() {
            return List.of(
                    DirectiveSpec.create("server", b -> b.contexts("main").repeatable(true).blockContext("server")),
                    DirectiveSpec.create("location", b -> b.contexts("server", "location").args(1)
                            .repeatable(true).blockContext("location")),
                    DirectiveSpec.create("listen", b -> b.contexts("server").args(1, 2).repeatable(true)
                            .check(ArgumentChecks.integer(0, 1, 65535))),
                    DirectiveSpec.create("root", b -> b.contexts("server", "location").args(1)),
                    DirectiveSpec.create("index", b -> b.contexts("server", "location").argsAtLeast(1)),
                    DirectiveSpec.create("autoindex", b -> b.contexts("location").args(0)),
                    DirectiveSpec.create("keepalive_timeout", b -> b.contexts("main", "server").args(1)
                            .check(ArgumentChecks.duration(0))));
        }
    }

    /** A stand-in for a plugin. */
    static final class SessionDirectives implements DirectiveProvider {
        @Override
        public List<DirectiveSpec> directives() {
            return List.of(DirectiveSpec.create("session_timeout", b -> b.contexts("server", "location").args(1)));
        }
    }

    /** Declares a name that {@link WebDirectives} already declares. */
    static final class ClashingDirectives implements DirectiveProvider {
        @Override
        public List<DirectiveSpec> directives() {
            return List.of(DirectiveSpec.create("root", b -> b.contexts("main").args(1)));
        }
    }

    private final DirectiveRegistry registry = DirectiveRegistry.of(List.of(new WebDirectives(), new SessionDirectives()));

    private List<ConfigError> errors(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> registry.validate(ConfigParser.parse(text, FILE)));
        return e.errors();
    }

    private ConfigError error(String text) {
        List<ConfigError> errors = errors(text);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(FILE, line, column);
    }

    @Test
    void acceptsValidDocument() {
        assertDoesNotThrow(() -> registry.validate(ConfigParser.parse(
                "keepalive_timeout 75s;\n"
                + "server {\n"
                + "    listen 8080;\n"
                + "    listen 8443 ssl;\n"
                + "    root html;\n"
                + "    session_timeout 30m;\n"
                + "    location / {\n"
                + "        location /deep { autoindex; }\n"
                + "        index index.html index.htm;\n"
                + "    }\n"
                + "}\n"
                + "server { root other; }\n", FILE)));
    }

    @Test
    void reportsUnknownDirectiveWithSuggestion() {
        ConfigError error = error("server {\n    lisen 80;\n}");

        assertEquals(at(2, 5), error.position());
        assertEquals("unknown directive 'lisen'; did you mean 'listen'?", error.message());
    }

    @Test
    void suggestsNameWithSwappedLetters() {
        assertEquals("unknown directive 'lsiten'; did you mean 'listen'?", error("server { lsiten 80; }").message());
    }

    @Test
    void reportsUnknownDirectiveWithoutSuggestionWhenNothingIsClose() {
        assertEquals("unknown directive 'frobnicate'", error("frobnicate;").message());
    }

    @Test
    void doesNotValidateChildrenOfUnknownBlock() {
        assertEquals("unknown directive 'http'", error("http { whatever; listen; }").message());
    }

    @Test
    void reportsDirectiveInWrongContextWithAllowedContexts() {
        ConfigError error = error("listen 80;");

        assertEquals(at(1, 1), error.position());
        assertEquals("'listen' is not allowed in context 'main'; allowed in: server", error.message());
    }

    @Test
    void validatesChildrenInTheContextTheBlockOpens() {
        ConfigError error = error("server {\n  location / {\n    listen 80;\n  }\n}");

        assertEquals(at(3, 5), error.position());
        assertEquals("'listen' is not allowed in context 'location'; allowed in: server", error.message());
    }

    @Test
    void reportsBlockDirectiveWrittenWithoutBlock() {
        assertEquals("'server' must be a block: server ... { ... }", error("server;").message());
    }

    @Test
    void reportsSimpleDirectiveWrittenAsBlock() {
        ConfigError error = error("server { root html { } }");

        assertEquals(at(1, 10), error.position());
        assertEquals("'root' is not a block; end it with ';'", error.message());
    }

    @Test
    void reportsTooFewArgumentsAtTheDirective() {
        ConfigError error = error("server {\n  listen;\n}");

        assertEquals(at(2, 3), error.position());
        assertEquals("'listen' takes 1 to 2 arguments, got 0", error.message());
    }

    @Test
    void reportsTooManyArgumentsAtTheFirstSurplusArgument() {
        ConfigError error = error("server { listen 80 ssl extra; }");

        assertEquals(at(1, 24), error.position());
        assertEquals("'listen' takes 1 to 2 arguments, got 3", error.message());
    }

    @Test
    void wordsExactAndOpenArgumentCounts() {
        assertEquals("'root' takes 1 argument, got 2", error("server { root a b; }").message());
        assertEquals("'autoindex' takes no arguments, got 1",
                error("server { location / { autoindex on; } }").message());
        assertEquals("'index' takes at least 1 argument, got 0", error("server { index; }").message());
    }

    @Test
    void reportsRepeatedNonRepeatableDirectiveAtTheSecondWithFirstLine() {
        ConfigError error = error("server {\n  root a;\n  listen 80;\n  root b;\n}");

        assertEquals(at(4, 3), error.position());
        assertEquals("'root' is duplicate in this block (first at line 2)", error.message());
    }

    @Test
    void namesTheFileOfTheFirstOccurrenceWhenItCameFromAnInclude(@TempDir Path dir) throws Exception {
        Path main = Files.writeString(dir.resolve("solo.conf"), "server {\n  include common.conf;\n  root b;\n}");
        Path common = Files.writeString(dir.resolve("common.conf"), "root a;\n");

        ConfigException e = assertThrows(ConfigException.class, () -> registry.validate(ConfigParser.parse(main)));

        assertEquals("'root' is duplicate in this block (first at " + common + ":1:1)", e.errors().get(0).message());
    }

    @Test
    void allowsNonRepeatableDirectiveOnceInEachBlock() {
        assertDoesNotThrow(() -> registry.validate(ConfigParser.parse(
                "server { root a; location / { root b; } location /x { root c; } }", FILE)));
    }

    @Test
    void runsArgumentChecksAndReportsAtTheArgument() {
        ConfigError error = error("keepalive_timeout  5x;");

        assertEquals(at(1, 20), error.position());
        assertTrue(error.message().startsWith("'keepalive_timeout': invalid duration '5x'"));
    }

    @Test
    void skipsArgumentChecksWhenTheCountIsWrong() {
        assertEquals(1, errors("server { listen 0 1 2; }").size());
    }

    @Test
    void collectsEveryErrorInDocumentOrder() {
        List<ConfigError> errors = errors("listen 80;\n"
                + "server {\n"
                + "    lisen 80;\n"
                + "    listen 99999;\n"
                + "    root a;\n"
                + "    root b;\n"
                + "}\n"
                + "keepalive_timeout;\n");

        assertEquals(List.of(at(1, 1), at(3, 5), at(4, 12), at(6, 5), at(8, 1)),
                errors.stream().map(ConfigError::position).toList());
        assertEquals("'listen' expects a number from 1 to 65535, got 99999", errors.get(2).message());
    }

    @Test
    void exceptionMessageListsOneErrorPerLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> registry.validate(ConfigParser.parse("foo;\nbar;\n", FILE)));

        assertEquals("solo.conf:1:1: unknown directive 'foo'\nsolo.conf:2:1: unknown directive 'bar'", e.getMessage());
    }

    @Test
    void rejectsSameNameFromTwoProvidersNamingBoth() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DirectiveRegistry.of(List.of(new WebDirectives(), new ClashingDirectives())));

        assertEquals("the class path entry test-classes provides the directive \"root\" twice:"
                + " dev.solo.config.DirectiveRegistryTest$WebDirectives"
                + " and dev.solo.config.DirectiveRegistryTest$ClashingDirectives", e.getMessage());
    }

    @Test
    void installedProvidersDeclaringOneNameAreAConfigErrorAtTheGivenPosition() {
        ConfigException e = assertThrows(ConfigException.class, () -> DirectiveRegistry.of(
                List.of(new WebDirectives(), new ClashingDirectives()), SourcePosition.ofFile(FILE)));

        assertEquals(SourcePosition.ofFile(FILE), e.errors().get(0).position());
        assertTrue(e.getMessage().startsWith("solo.conf: the class path entry test-classes provides the directive"
                + " \"root\" twice"), e.getMessage());
    }

    @Test
    void rejectsProviderThatDeclaresInclude() {
        DirectiveProvider claimsInclude = new DirectiveProvider() {
            @Override
            public List<DirectiveSpec> directives() {
                return List.of(DirectiveSpec.create("include", b -> b.contexts("main").args(1)));
            }

            @Override
            public String name() {
                return "Greedy";
            }
        };

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DirectiveRegistry.of(List.of(claimsInclude)));

        assertEquals("two modules provide the directive \"include\": the class path entry classes"
                + " (dev.solo.config.internal.BuiltinDirectives) and the class path entry test-classes"
                + " (dev.solo.config.DirectiveRegistryTest$1)", e.getMessage());
    }

    @Test
    void knowsIncludeAndListsNamesSorted() {
        assertEquals(List.of("autoindex", "include", "index", "keepalive_timeout", "listen", "location", "root",
                "server", "session_timeout"), registry.knownNames());
        assertEquals("server", registry.spec("server").orElseThrow().blockContext());
        assertTrue(registry.spec("nope").isEmpty());
    }

    @Test
    void acceptsIncludeLeftInAHandBuiltTreeAnywhere() {
        Directive include = Directive.simple("include", at(2, 3), List.of(new Argument("x.conf", at(2, 11), false)));
        Directive server = Directive.block("server", at(1, 1), List.of(), List.of(include));

        assertDoesNotThrow(() -> registry.validate(new ConfigDocument(FILE, List.of(server), List.of(FILE))));
    }

    @Test
    void emptyRegistryKnowsOnlyInclude() {
        assertEquals(List.of("include"), DirectiveRegistry.of(List.of()).knownNames());
    }
}
