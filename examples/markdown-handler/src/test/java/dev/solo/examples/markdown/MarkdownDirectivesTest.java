package dev.solo.examples.markdown;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.DirectiveRegistry;
import dev.solo.config.spi.DirectiveSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownDirectivesTest {

    private static final Path FILE = Path.of("test.conf");

    private final Map<String, DirectiveSpec> specs = new MarkdownDirectives().directives().stream()
            .collect(Collectors.toMap(DirectiveSpec::name, Function.identity()));

    @Test
    void declaresMarkdownAsAFlagForServersAndLocations() {
        DirectiveSpec markdown = specs.get("markdown");
        assertEquals(Set.of("server", "location"), markdown.contexts());
        assertEquals(1, markdown.minArgs());
        assertEquals(1, markdown.maxArgs());
        assertFalse(markdown.repeatable());
        assertFalse(markdown.isBlock());
    }

    @Test
    void declaresTheStyleSheetForServersAndLocations() {
        DirectiveSpec css = specs.get("markdown_css");
        assertEquals(Set.of("server", "location"), css.contexts());
        assertEquals(1, css.minArgs());
        assertEquals(1, css.maxArgs());
        assertFalse(css.repeatable());
        assertEquals(2, specs.size());
    }

    @Test
    void validatesAlongsideTheServersOwnDirectives() {
        // DirectiveRegistry.load() finds server-http's providers and this module's through ServiceLoader,
        // so this also proves that no name clashes with the server's.
        assertDoesNotThrow(() -> validate("server {\n    listen 8080;\n    root .;\n    markdown on;\n"
                + "    markdown_css https://cdn.example.test/md.css;\n"
                + "    location /docs/ {\n        markdown off;\n        markdown_css /css/site.css;\n    }\n}\n"));
    }

    @Test
    void rejectsMarkdownAtTheTopLevelWithItsPosition() {
        ConfigError error = singleError("markdown on;\nserver { listen 8080; }\n");
        assertEquals(1, error.position().line());
        assertEquals(1, error.position().column());
        assertTrue(error.message().contains("markdown"), error.message());
    }

    @Test
    void rejectsAFlagThatIsNeitherOnNorOffAtTheArgument() {
        ConfigError error = singleError("server {\n    listen 8080;\n    markdown yes;\n}\n");
        assertEquals(3, error.position().line());
        assertEquals(14, error.position().column());
        assertEquals("test.conf:3:14", error.position().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/css,x", "css/site.css", "//cdn.example.test/x.css",
        "\"/a b.css\""})
    void rejectsAStyleSheetThatIsNeitherAPathNorAWebUrl(String url) {
        ConfigError error = singleError("server {\n    listen 8080;\n    markdown_css " + url + ";\n}\n");
        assertEquals(3, error.position().line());
        assertEquals(18, error.position().column());
        assertTrue(error.message().contains("expects a path starting with '/' or an http(s) URL"), error.message());
    }

    private static void validate(String text) throws ConfigException {
        DirectiveRegistry.load().validate(ConfigParser.parse(text, FILE));
    }

    private static ConfigError singleError(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> validate(text));
        List<ConfigError> errors = e.errors();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }
}
