package dev.solo.config.spi;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArgumentChecksTest {

    private static final Path FILE = Path.of("solo.conf");

    private static Directive directive(String text) throws ConfigException {
        return ConfigParser.parse(text, FILE).directives().get(0);
    }

    private static ConfigError failure(ArgumentCheck check, Directive directive) {
        return assertThrows(ConfigException.class, () -> check.check(directive)).errors().get(0);
    }

    @Test
    void sizeAcceptsSizesAndRejectsOthersAtTheArgument() throws ConfigException {
        assertDoesNotThrow(() -> ArgumentChecks.size(0).check(directive("x 10m;")));

        ConfigError error = failure(ArgumentChecks.size(1), directive("x 1 ten;"));

        assertEquals(new SourcePosition(FILE, 1, 5), error.position());
    }

    @Test
    void durationAcceptsDurationsAndRejectsOthers() throws ConfigException {
        assertDoesNotThrow(() -> ArgumentChecks.duration(0).check(directive("x 1h30m;")));
        assertEquals(new SourcePosition(FILE, 1, 3), failure(ArgumentChecks.duration(0), directive("x 1y;")).position());
    }

    @Test
    void integerChecksSyntaxAndBounds() throws ConfigException {
        ArgumentCheck port = ArgumentChecks.integer(0, 1, 65535);

        assertDoesNotThrow(() -> port.check(directive("listen 65535;")));
        assertEquals("'listen' expects a number from 1 to 65535, got 0", failure(port, directive("listen 0;")).message());
        assertEquals("'listen': invalid integer 'http'",
                failure(port, directive("listen http;")).message());
        assertThrows(IllegalArgumentException.class, () -> ArgumentChecks.integer(0, 5, 1));
    }

    @Test
    void flagAcceptsOnAndOff() throws ConfigException {
        assertDoesNotThrow(() -> ArgumentChecks.flag(0).check(directive("gzip off;")));
        assertEquals("'gzip': expected 'on' or 'off', got 'true'",
                failure(ArgumentChecks.flag(0), directive("gzip true;")).message());
    }

    @Test
    void oneOfListsTheAllowedValues() throws ConfigException {
        ArgumentCheck level = ArgumentChecks.oneOf(0, "debug", "info", "warn");

        assertDoesNotThrow(() -> level.check(directive("log_level info;")));
        ConfigError error = failure(level, directive("log_level  INFO;"));
        assertEquals(new SourcePosition(FILE, 1, 12), error.position());
        assertEquals("'log_level' expects one of debug, info, warn, got 'INFO'", error.message());
    }

    @Test
    void checksSkipMissingOptionalArguments() throws ConfigException {
        Directive bare = directive("x;");

        assertDoesNotThrow(() -> ArgumentChecks.size(0).check(bare));
        assertDoesNotThrow(() -> ArgumentChecks.oneOf(0, "a").check(bare));
        assertDoesNotThrow(() -> ArgumentChecks.existingFile(0).check(bare));
    }

    @Test
    void existingDirectoryResolvesAgainstTheConfigFileDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("html"));
        Files.writeString(dir.resolve("file.txt"), "x");
        Path conf = dir.resolve("solo.conf");
        ArgumentCheck check = ArgumentChecks.existingDirectory(0);

        assertDoesNotThrow(() -> check.check(ConfigParser.parse("root html;", conf).directives().get(0)));
        ConfigError missing = failure(check, ConfigParser.parse("root nope;", conf).directives().get(0));
        assertEquals("directory '" + dir.resolve("nope") + "' does not exist", missing.message());
        assertEquals(new SourcePosition(conf, 1, 6), missing.position());
        ConfigError notDir = failure(check, ConfigParser.parse("root file.txt;", conf).directives().get(0));
        assertEquals("'" + dir.resolve("file.txt") + "' is not a directory", notDir.message());
    }

    @Test
    void existingFileResolvesAgainstTheConfigFileDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/mime.types"), "x");
        Path conf = dir.resolve("sub/solo.conf");
        ArgumentCheck check = ArgumentChecks.existingFile(0);

        assertDoesNotThrow(() -> check.check(ConfigParser.parse("types mime.types;", conf).directives().get(0)));
        assertEquals("file '" + dir.resolve("sub/none") + "' does not exist",
                failure(check, ConfigParser.parse("types none;", conf).directives().get(0)).message());
        assertEquals("'" + dir + "' is not a regular file",
                failure(check, ConfigParser.parse("types ..;", conf).directives().get(0)).message());
    }
}
