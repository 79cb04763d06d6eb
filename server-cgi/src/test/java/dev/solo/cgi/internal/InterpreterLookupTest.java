package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpreterLookupTest {

    @TempDir
    Path dir;

    private Path bin;
    private Path other;

    @BeforeEach
    void binaries() throws Exception {
        bin = Files.createDirectories(dir.resolve("bin"));
        other = Files.createDirectories(dir.resolve("other"));
        executable(bin.resolve("python3"));
        Files.writeString(other.resolve("plain"), "");
    }

    private static Path executable(Path file) throws Exception {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private String searchPath() {
        return other + File.pathSeparator + bin;
    }

    private static ConfigError onlyError(ConfigException e) {
        assertEquals(1, e.errors().size());
        return e.errors().get(0);
    }

    @Test
    void findsBareNameOnSearchPath() throws Exception {
        Directive cgi = Conf.directive("cgi", 3, ".py", "python3");
        assertEquals(bin.resolve("python3"), InterpreterLookup.find(cgi, 1, searchPath()));
    }

    @Test
    void skipsFilesThatAreNotExecutableOnSearchPath() throws Exception {
        executable(bin.resolve("plain"));
        Directive cgi = Conf.directive("cgi", 3, ".py", "plain");
        assertEquals(bin.resolve("plain"), InterpreterLookup.find(cgi, 1, searchPath()));
    }

    @Test
    void reportsMissingBareNameAtTheArgument() {
        Directive cgi = Conf.directive("cgi", 7, ".php", "php-cgi-missing");
        ConfigError error = onlyError(assertThrows(ConfigException.class,
                () -> InterpreterLookup.find(cgi, 1, searchPath())));
        assertEquals(Conf.argumentPosition(Conf.FILE, 7, 1), error.position());
        assertTrue(error.message().contains("'php-cgi-missing' not found on PATH"), error.message());
    }

    @Test
    void reportsMissingPathWhenPathIsUnset() {
        Directive cgi = Conf.directive("cgi", 7, ".php", "php-cgi");
        ConfigError error = onlyError(assertThrows(ConfigException.class,
                () -> InterpreterLookup.find(cgi, 1, null)));
        assertTrue(error.message().contains("PATH is not set"), error.message());
    }

    @Test
    void acceptsExecutableAbsolutePath() throws Exception {
        Directive cgi = Conf.directive("cgi", 2, ".py", bin.resolve("python3").toString());
        assertEquals(bin.resolve("python3"), InterpreterLookup.find(cgi, 1, ""));
    }

    @Test
    void reportsAbsolutePathThatDoesNotExist() {
        Directive cgi = Conf.directive("cgi", 4, ".py", dir.resolve("nope").toString());
        ConfigError error = onlyError(assertThrows(ConfigException.class,
                () -> InterpreterLookup.find(cgi, 1, searchPath())));
        assertEquals(Conf.argumentPosition(Conf.FILE, 4, 1), error.position());
        assertTrue(error.message().endsWith("does not exist"), error.message());
    }

    @Test
    void reportsAbsolutePathThatIsNotExecutable() {
        Directive cgi = Conf.directive("cgi", 5, ".py", other.resolve("plain").toString());
        ConfigError error = onlyError(assertThrows(ConfigException.class,
                () -> InterpreterLookup.find(cgi, 1, searchPath())));
        assertEquals(Conf.argumentPosition(Conf.FILE, 5, 1), error.position());
        assertTrue(error.message().endsWith("is not executable"), error.message());
    }

    @Test
    void reportsDirectoryAsNotARegularFile() {
        Directive cgi = Conf.directive("cgi", 5, ".py", bin.toString());
        ConfigError error = onlyError(assertThrows(ConfigException.class,
                () -> InterpreterLookup.find(cgi, 1, searchPath())));
        assertTrue(error.message().endsWith("is not a regular file"), error.message());
    }

    @Test
    void resolvesRelativePathAgainstTheConfigurationFile() throws Exception {
        Directive cgi = Conf.directiveIn(dir.resolve("conf/solo.conf"), "cgi", 1, ".py", "../bin/python3");
        assertEquals(bin.resolve("python3"), InterpreterLookup.find(cgi, 1, ""));
    }
}
