package dev.solo.app.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a worker: this JVM's own command (the same {@code java}, options, module path and main class,
 * so a worker runs exactly what the supervisor runs) with the worker flag and the config file as arguments.
 */
public final class WorkerCommand {

    private static final String MAIN = "dev.solo.app/dev.solo.app.Main";

    private WorkerCommand() {
    }

    /**
     * @param programArgs the supervisor's own program arguments (what {@code main} received)
     * @param workerFlag the flag that makes a launcher a worker
     * @param config the config file
     * @return the worker's command line
     */
    public static List<String> of(String[] programArgs, String workerFlag, Path config) {
        ProcessHandle.Info self = ProcessHandle.current().info();
        String java = self.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        Optional<String[]> arguments = self.arguments();
        // On Linux the JVM's arguments come from /proc/self/cmdline: options, -p PATH -m MODULE/MAIN, then ours.
        if (arguments.isPresent() && arguments.get().length >= programArgs.length) {
            String[] all = arguments.get();
            for (int i = 0; i < all.length - programArgs.length; i++) {
                command.add(all[i]);
            }
        } else {
            command.add("-p");
            command.add(System.getProperty("jdk.module.path"));
            command.add("-m");
            command.add(MAIN);
        }
        command.add(workerFlag);
        command.add(config.toAbsolutePath().toString());
        return command;
    }
}
