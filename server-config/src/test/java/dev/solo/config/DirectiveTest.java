package dev.solo.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectiveTest {

    private static final Path FILE = Path.of("/etc/solo/solo.conf");

    private static Directive first(String text) throws ConfigException {
        return ConfigParser.parse(text, FILE).directives().get(0);
    }

    private static ConfigError failure(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ConfigException.class, call).errors().get(0);
    }

    @Test
    void resolvesRelativePathAgainstDirectoryOfConfigFile() throws ConfigException {
        Directive root = first("root html ../logs/./x /abs/../srv;");

        assertEquals(Path.of("/etc/solo/html"), root.resolvePath(0));
        assertEquals(Path.of("/etc/logs/x"), root.resolvePath(1));
        assertEquals(Path.of("/srv"), root.resolvePath(2));
    }

    @Test
    void resolvesRelativePathOfIncludedDirectiveAgainstIncludedFile(@TempDir Path dir) throws Exception {
        Path main = Files.writeString(dir.resolve("solo.conf"), "include sites/a.conf;");
        Files.createDirectories(dir.resolve("sites"));
        Files.writeString(dir.resolve("sites/a.conf"), "root html;");

        Directive root = ConfigParser.parse(main).directives().get(0);

        assertEquals(dir.resolve("sites/html").toAbsolutePath().normalize(), root.resolvePath(0));
    }

    @Test
    void resolvesPathOfRelativeConfigFileToAnAbsolutePath() throws ConfigException {
        Directive root = ConfigParser.parse("root html;", Path.of("conf/solo.conf")).directives().get(0);

        assertEquals(Path.of("conf/html").toAbsolutePath().normalize(), root.resolvePath(0));
        assertTrue(root.resolvePath(0).isAbsolute());
    }

    @Test
    void rejectsPathWithNulCharacterAtTheArgument() throws ConfigException {
        Directive root = first("root \"a\u0000b\";");

        ConfigError error = failure(() -> root.resolvePath(0));

        assertEquals(new SourcePosition(FILE, 1, 6), error.position());
        assertTrue(error.message().startsWith("invalid path 'a\u0000b'"));
    }

    @Test
    void readsTypedArguments() throws ConfigException {
        Directive d = first("x 10m 1h30m -42 ON off;");

        assertEquals(10L * 1024 * 1024, d.sizeArg(0));
        assertEquals(Duration.ofMinutes(90), d.durationArg(1));
        assertEquals(-42, d.intArg(2));
        assertTrue(d.flagArg(3));
        assertFalse(d.flagArg(4));
    }

    @Test
    void reportsBadSizeAtTheArgument() throws ConfigException {
        Directive d = first("client_max_body_size  10x;");

        ConfigError error = failure(() -> d.sizeArg(0));

        assertEquals(new SourcePosition(FILE, 1, 23), error.position());
        assertEquals("'client_max_body_size': invalid size '10x': expected a number of bytes with an optional"
                + " k, m or g suffix", error.message());
    }

    @Test
    void reportsBadDurationAtTheArgument() throws ConfigException {
        Directive d = first("keepalive_timeout 5 10y;");

        ConfigError error = failure(() -> d.durationArg(1));

        assertEquals(new SourcePosition(FILE, 1, 21), error.position());
        assertTrue(error.message().startsWith("'keepalive_timeout': invalid duration '10y'"));
    }

    @Test
    void reportsBadIntegersAtTheArgument() throws ConfigException {
        Directive d = first("workers 4x +3 99999999999;");

        assertEquals("'workers': invalid integer '4x'", failure(() -> d.intArg(0)).message());
        assertEquals("'workers': invalid integer '+3'", failure(() -> d.intArg(1)).message());
        ConfigError tooBig = failure(() -> d.intArg(2));
        assertEquals("'workers': integer '99999999999' is out of range", tooBig.message());
        assertEquals(new SourcePosition(FILE, 1, 15), tooBig.position());
    }

    @Test
    void reportsBadFlagAtTheArgument() throws ConfigException {
        Directive d = first("gzip yes;");

        ConfigError error = failure(() -> d.flagArg(0));

        assertEquals(new SourcePosition(FILE, 1, 6), error.position());
        assertEquals("'gzip': expected 'on' or 'off', got 'yes'", error.message());
    }

    @Test
    void reportsMissingArgumentAtTheDirective() throws ConfigException {
        Directive d = first("\n  listen;");

        ConfigError error = failure(() -> d.intArg(0));

        assertEquals(new SourcePosition(FILE, 2, 3), error.position());
        assertEquals("'listen' is missing argument 1", error.message());
    }

    @Test
    void plainArgumentAccessOutOfRangeIsAProgrammingError() throws ConfigException {
        Directive d = first("listen;");

        assertThrows(IndexOutOfBoundsException.class, () -> d.arg(0));
    }

    @Test
    void findsChildrenByName() throws ConfigException {
        Directive server = first("server { listen 80; root /a; listen 81; }");

        assertEquals(List.of("80", "81"), server.children("listen").stream().map(d -> d.arg(0)).toList());
        assertEquals("/a", server.child("root").orElseThrow().arg(0));
        assertTrue(server.child("index").isEmpty());
        assertTrue(server.children("index").isEmpty());
    }

    @Test
    void buildsErrorsPointingAtDirectiveOrArgument() throws ConfigException {
        Directive d = first("proxy_pass  http://x;");

        assertEquals(new SourcePosition(FILE, 1, 1), d.error("no upstream").errors().get(0).position());
        assertEquals(new SourcePosition(FILE, 1, 13), d.argError(0, "bad url").errors().get(0).position());
        assertEquals(new SourcePosition(FILE, 1, 1), d.argError(5, "missing").errors().get(0).position());
    }

    @Test
    void directivesWithSameContentAreEqual() throws ConfigException {
        assertEquals(first("a 1 { b; }"), first("a 1 { b; }"));
        assertEquals(first("a 1 { b; }").hashCode(), first("a 1 { b; }").hashCode());
        assertNotEquals(first("a 1 {}"), first("a 1;"));
    }

    @Test
    void rendersHeadAndPositionInToString() throws ConfigException {
        assertEquals("add_header X \"a b\"; at /etc/solo/solo.conf:1:1", first("add_header X \"a b\";").toString());
        assertEquals("server { 1 children } at /etc/solo/solo.conf:1:1", first("server { a; }").toString());
    }

    @Test
    void listsAreUnmodifiable() throws ConfigException {
        Directive d = first("server { a; }");

        assertThrows(UnsupportedOperationException.class, () -> d.children().clear());
        assertThrows(UnsupportedOperationException.class, () -> d.args().add(null));
    }
}
