package dev.solo.it.features.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The external programs the feature tests drive. They are required, not optional: CI installs them
 * ({@code .ci/run}), so a missing one fails the test with the command that installs it, and a test never passes by
 * silently skipping what it was written to check.
 */
public final class Programs {

    private Programs() {
    }

    /**
     * @param name a program name, looked up on the test JVM's {@code PATH} (the server looks up interpreters there)
     * @param debianPackage the package that provides it
     * @return its path
     * @throws AssertionError naming the install command when it is missing
     */
    public static Path require(String name, String debianPackage) {
        return find(name).orElseThrow(() -> new AssertionError(name + " is not installed, and this test needs it "
                + "(CI installs it in .ci/run): apt-get install " + debianPackage));
    }

    /**
     * @param path an absolute path of a program
     * @param debianPackage the package that provides it
     * @return the path
     * @throws AssertionError naming the install command when it is missing or not executable
     */
    public static Path requireAt(String path, String debianPackage) {
        Path program = Path.of(path);
        if (!Files.isExecutable(program)) {
            throw new AssertionError(path + " is missing, and this test needs it (CI installs it in .ci/run): "
                    + "apt-get install " + debianPackage);
        }
        return program;
    }

    /**
     * @param name a program name
     * @return its path on {@code PATH}, if found
     */
    public static Optional<Path> find(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
