package dev.solo.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.DirectiveRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessDirectivesTest {

    @TempDir
    Path dir;

    private ProcessDirectives.Settings settings(String text) throws ConfigException {
        ConfigDocument document = ConfigParser.parse(text, dir.resolve("solo.conf"));
        DirectiveRegistry.of(List.of(new ProcessDirectives())).validate(document);
        return ProcessDirectives.settings(document);
    }

    @Test
    void runsOneProcessWithoutPidFileByDefault() throws Exception {
        assertEquals(new ProcessDirectives.Settings(1, Optional.empty()), settings(""));
    }

    @Test
    void readsAWorkerCountAndAPidFileBesideTheConfig() throws Exception {
        ProcessDirectives.Settings settings = settings("worker_processes 4;\npid run/solo.pid;\n");
        assertEquals(4, settings.workerProcesses());
        assertEquals(Optional.of(dir.resolve("run/solo.pid")), settings.pidFile());
    }

    @Test
    void autoMeansOneWorkerPerCore() throws Exception {
        assertEquals(Runtime.getRuntime().availableProcessors(), settings("worker_processes auto;").workerProcesses());
    }

    @Test
    void reportsABadWorkerCountAtItsArgument() {
        for (String bad : List.of("0", "257", "two", "-1")) {
            ConfigException e = assertThrows(ConfigException.class, () -> settings("worker_processes " + bad + ";"));
            assertTrue(e.errors().get(0).toString().endsWith(":1:18: 'worker_processes' expects 'auto' or a number"
                    + " from 1 to 256, got '" + bad + "'"), e.getMessage());
        }
    }
}
