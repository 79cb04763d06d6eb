package dev.solo.examples.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.Directive;
import dev.solo.config.DirectiveRegistry;
import dev.solo.http.HttpService;
import dev.solo.http.Location;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownHandlerProviderTest {

    private final MarkdownHandlerProvider provider = new MarkdownHandlerProvider();
    private final LocationContext context = mock(LocationContext.class);
    private final Location location = mock(Location.class);

    @TempDir
    Path root;

    @BeforeEach
    void aLocationWithARoot() throws ConfigException {
        when(context.location()).thenReturn(location);
        when(context.inherited(anyString())).thenReturn(Optional.empty());
        when(context.block()).thenReturn(directive("location /docs/ { }"));
        when(location.root()).thenReturn(Optional.of(root));
    }

    @Test
    void isNamedMarkdownAndRunsBeforeCgiUploadsAndStaticFiles() {
        assertEquals("markdown", provider.name());
        assertEquals(40, provider.order());
    }

    @Test
    void buildsNoHandlerWhereMarkdownIsNotSet() throws ConfigException {
        assertEquals(Optional.empty(), provider.create(context));
    }

    @Test
    void buildsNoHandlerWhereMarkdownIsOff() throws ConfigException {
        when(context.inherited("markdown")).thenReturn(Optional.of(directive("markdown off;")));
        assertEquals(Optional.empty(), provider.create(context));
    }

    @Test
    void buildsAHandlerWhereMarkdownIsOn() throws ConfigException {
        when(context.inherited("markdown")).thenReturn(Optional.of(directive("markdown on;")));
        assertInstanceOf(MarkdownHandler.class, provider.create(context).orElseThrow());
    }

    @Test
    void buildsNoHandlerForALocationWithoutFiles() throws ConfigException {
        when(context.inherited("markdown")).thenReturn(Optional.of(directive("markdown on;")));
        when(location.root()).thenReturn(Optional.empty());
        assertEquals(Optional.empty(), provider.create(context));
    }

    @Test
    void anExplicitHandlerNeedsNoMarkdownDirective() throws ConfigException {
        assertInstanceOf(MarkdownHandler.class, provider.createExplicit(context));
    }

    @Test
    void anExplicitHandlerConflictsWithMarkdownOff() throws ConfigException {
        when(context.inherited("markdown")).thenReturn(Optional.of(directive("\n  markdown off;")));
        ConfigException e = assertThrows(ConfigException.class, () -> provider.createExplicit(context));
        assertEquals("test.conf:2:3", e.errors().get(0).position().toString());
        assertTrue(e.errors().get(0).message().contains("conflicts with 'markdown off'"));
    }

    @Test
    void anExplicitHandlerNeedsARoot() {
        when(location.root()).thenReturn(Optional.empty());
        ConfigException e = assertThrows(ConfigException.class, () -> provider.createExplicit(context));
        assertTrue(e.errors().get(0).message().contains("needs a root or an alias"));
    }

    @Test
    void joinsTheChainOfTheLocationsWhereItIsOn() throws Exception {
        Files.createDirectory(root.resolve("docs"));
        Path file = root.resolve("solo.conf");
        Files.writeString(file, "server {\n    listen 127.0.0.1:8080;\n    root .;\n    markdown on;\n"
                + "    location /docs/ { }\n    location /plain/ { markdown off; }\n"
                + "    location /nofiles/ { markdown on; return 204; }\n}\n");
        ConfigDocument document = ConfigParser.parse(file);
        DirectiveRegistry.load().validate(document);
        String summary = HttpService.configure(document).summary();
        assertTrue(line(summary, "location /docs/").contains("MarkdownHandler"), summary);
        assertFalse(line(summary, "location /plain/").contains("MarkdownHandler"), summary);
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.strip().startsWith(start)).findFirst().orElseThrow();
    }

    private static Directive directive(String text) throws ConfigException {
        return ConfigParser.parse(text, Path.of("test.conf")).directives().get(0);
    }
}
