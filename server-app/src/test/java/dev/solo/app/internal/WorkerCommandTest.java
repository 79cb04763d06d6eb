package dev.solo.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {

    @Test
    void aWorkerRunsThisJvmWithTheWorkerFlagAndTheConfigInPlaceOfTheArguments() {
        List<String> command = WorkerCommand.of(new String[0], "--worker", Path.of("site.conf"));
        assertEquals(ProcessHandle.current().info().command().orElseThrow(), command.get(0));
        assertEquals(List.of("--worker", Path.of("site.conf").toAbsolutePath().toString()),
                command.subList(command.size() - 2, command.size()));
    }
}
