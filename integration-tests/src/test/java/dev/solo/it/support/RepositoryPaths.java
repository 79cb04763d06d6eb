package dev.solo.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the repository and the built server are, seen from a test running in {@code integration-tests/}. */
public final class RepositoryPaths {

    private RepositoryPaths() {
    }

    /**
     * @return the repository root: the parent of the working directory when that is {@code integration-tests}
     *         (as under Maven), else the working directory itself
     */
    public static Path root() {
        Path working = Path.of("").toAbsolutePath();
        if (Files.isDirectory(working.resolve("examples")) && Files.isDirectory(working.resolve("server-app"))) {
            return working;
        }
        return working.getParent();
    }

    /**
     * @return {@code server-app/target/modules}, the module path of the {@code solo} launcher
     * @throws AssertionError when it has not been built, naming the command that builds it
     */
    public static Path moduleDirectory() {
        Path modules = root().resolve("server-app/target/modules");
        if (!hasLauncherJar(modules)) {
            throw new AssertionError(modules + " holds no server-app jar: build the launcher first with "
                    + "'mvn -pl integration-tests -am verify' (server-app's package phase fills that folder)");
        }
        return modules;
    }

    /**
     * @return the launcher's module path as {@code ./solo} builds it: the server's modules plus every plugin jar under
     *         {@code examples/*}{@code /target}
     */
    public static String modulePath() {
        StringBuilder path = new StringBuilder(moduleDirectory().toString());
        try (Stream<Path> examples = Files.list(root().resolve("examples"))) {
            // The embedded example is a program of its own, not a plugin; sources and Javadoc jars hold no classes.
            for (Path example : examples.filter(Files::isDirectory)
                    .filter(e -> !e.getFileName().toString().equals("embedded-app")).toList()) {
                Path target = example.resolve("target");
                if (Files.isDirectory(target)) {
                    try (Stream<Path> jars = Files.list(target)) {
                        jars.filter(j -> j.getFileName().toString().endsWith(".jar"))
                                .filter(j -> !j.getFileName().toString().endsWith("-sources.jar")
                                        && !j.getFileName().toString().endsWith("-javadoc.jar"))
                                .forEach(j -> path.append(java.io.File.pathSeparator).append(j));
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return path.toString();
    }

    private static boolean hasLauncherJar(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(p -> p.getFileName().toString().matches("server-app-.*\\.jar"));
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the {@code java} executable of the JVM running the tests */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
