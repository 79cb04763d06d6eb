package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgiSettingsTest {

    @TempDir
    Path bin;

    private final ProcessSlotRegistry registry = new ProcessSlotRegistry();
    private final FakeLocation location = new FakeLocation(Path.of("/srv"));

    @BeforeEach
    void interpreter() throws Exception {
        Path python = bin.resolve("python3");
        Files.writeString(python, "#!/bin/sh\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Optional<CgiSettings> read(List<Directive> own) throws ConfigException {
        return read(own, List.of());
    }

    private Optional<CgiSettings> read(List<Directive> own, List<Directive> enclosing) throws ConfigException {
        return CgiSettings.read(new FakeLocationContext(location, List.of(own, enclosing)), bin.toString(),
                registry);
    }

    @Test
    void givesNothingWithoutCgiDirectives() throws Exception {
        assertTrue(read(List.of(Conf.directive("root", 1, "/srv"))).isEmpty());
    }

    @Test
    void readsExtensionsWithAndWithoutInterpreterAndDefaults() throws Exception {
        CgiSettings settings = read(List.of(Conf.directive("cgi", 1, ".py", "python3"),
                Conf.directive("cgi", 2, ".sh"))).orElseThrow();
        assertEquals(2, settings.types().size());
        assertEquals(bin.resolve("python3"), settings.types().get(0).interpreter());
        assertNull(settings.types().get(1).interpreter());
        assertEquals(Duration.ofSeconds(30), settings.timeout());
        assertEquals(ProcessSlotRegistry.DEFAULT_MAX_PROCESSES, settings.slots().max());
        assertEquals(CgiSettings.Queue.DEFAULT, settings.queue());
        assertEquals(bin.toString(), settings.searchPath());
    }

    @Test
    void inheritsCgiFromAnEnclosingLevel() throws Exception {
        CgiSettings settings = read(List.of(), List.of(Conf.directive("cgi", 1, ".py"))).orElseThrow();
        assertEquals(".py", settings.types().get(0).extension());
    }

    @Test
    void rejectsTheSameExtensionTwiceAtTheSecondOne() {
        ConfigException e = assertThrows(ConfigException.class, () -> read(List.of(
                Conf.directive("cgi", 1, ".py"), Conf.directive("cgi", 2, ".py", "python3"))));
        ConfigError error = e.errors().get(0);
        assertEquals(Conf.argumentPosition(Conf.FILE, 2, 0), error.position());
    }

    @Test
    void reportsMissingInterpreterWithItsPosition() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read(List.of(Conf.directive("cgi", 9, ".php", "php-cgi-not-here"))));
        assertEquals(Conf.argumentPosition(Conf.FILE, 9, 1), e.errors().get(0).position());
    }

    @Test
    void readsTimeoutFromTheNearestLevel() throws Exception {
        CgiSettings settings = read(List.of(Conf.directive("cgi", 1, ".py")),
                List.of(Conf.directive("cgi_timeout", 2, "5s"))).orElseThrow();
        assertEquals(Duration.ofSeconds(5), settings.timeout());
    }

    @Test
    void readsTheQueueFromTheNearestLevels() throws Exception {
        CgiSettings settings = read(List.of(Conf.directive("cgi", 1, ".py"), Conf.directive("cgi_queue_size", 2, "0")),
                List.of(Conf.directive("cgi_queue_timeout", 3, "750ms"), Conf.directive("cgi_queue_size", 4, "9")))
                .orElseThrow();
        assertEquals(new CgiSettings.Queue(0, Duration.ofMillis(750)), settings.queue());
    }

    @Test
    void rejectsANegativeQueueAndAZeroWait() {
        ConfigException size = assertThrows(ConfigException.class, () -> read(List.of(
                Conf.directive("cgi", 1, ".py"), Conf.directive("cgi_queue_size", 2, "-1"))));
        assertEquals(Conf.argumentPosition(Conf.FILE, 2, 0), size.errors().get(0).position());
        assertThrows(ConfigException.class, () -> read(List.of(Conf.directive("cgi", 1, ".py"),
                Conf.directive("cgi_queue_timeout", 2, "0s"))));
    }

    @Test
    void sharesOneProcessSweeperAcrossCaps() throws Exception {
        CgiSettings a = read(List.of(Conf.directive("cgi", 1, ".py"))).orElseThrow();
        CgiSettings b = read(List.of(Conf.directive("cgi", 2, ".py"), Conf.directive("cgi_max_processes", 3, "2")))
                .orElseThrow();
        assertSame(a.groups(), b.groups());
    }

    @Test
    void rejectsZeroTimeout() {
        assertThrows(ConfigException.class, () -> read(List.of(Conf.directive("cgi", 1, ".py"),
                Conf.directive("cgi_timeout", 2, "0s"))));
    }

    @Test
    void sharesTheProcessCapOfOneDirectiveAcrossLocations() throws Exception {
        Directive serverCap = Conf.directive("cgi_max_processes", 3, "2");
        CgiSettings a = read(List.of(Conf.directive("cgi", 10, ".py")), List.of(serverCap)).orElseThrow();
        CgiSettings b = read(List.of(Conf.directive("cgi", 20, ".sh")), List.of(serverCap)).orElseThrow();
        CgiSettings c = read(List.of(Conf.directive("cgi", 30, ".sh")),
                List.of(Conf.directive("cgi_max_processes", 40, "2"))).orElseThrow();
        assertSame(a.slots(), b.slots());
        assertNotSame(a.slots(), c.slots());
        assertEquals(2, a.slots().max());
    }

    @Test
    void collectsExtraEnvironment() throws Exception {
        CgiSettings settings = read(List.of(Conf.directive("cgi", 1, ".py"),
                Conf.directive("cgi_env", 2, "APP_MODE", "demo"), Conf.directive("cgi_env", 3, "LANG", "C")))
                .orElseThrow();
        assertEquals(Map.of("APP_MODE", "demo", "LANG", "C"), settings.extraEnv());
    }

    @Test
    void picksTheTypeBySegmentExtension() throws Exception {
        CgiSettings settings = read(List.of(Conf.directive("cgi", 1, ".py"), Conf.directive("cgi", 2, ".sh")))
                .orElseThrow();
        assertEquals(".sh", settings.typeOf("tool.sh").orElseThrow().extension());
        assertTrue(settings.typeOf("tool.shx").isEmpty());
    }
}
