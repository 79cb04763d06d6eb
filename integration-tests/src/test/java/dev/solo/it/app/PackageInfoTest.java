package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.solo.it.support.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module has its {@code package-info.java}: the one rule of the Javadoc gate that neither
 * javac's {@code -Xdoclint} nor the javadoc tool checks (both check the comments that exist, and a package without
 * one passes). Modules are found, not listed: any folder of the repository, up to two levels down, whose
 * {@code src/main/java} holds a {@code module-info.java}, so that a new module is held to it from its first commit.
 */
class PackageInfoTest {

    @Test
    void everyPackageOfEveryModuleHasItsPackageInfo() throws IOException {
        List<Path> modules = modules();
        assertFalse(modules.isEmpty(), "no module found under " + RepositoryPaths.root());
        List<String> missing = new ArrayList<>();
        for (Path sources : modules) {
            for (Path directory : packageDirectories(sources)) {
                if (!Files.isRegularFile(directory.resolve("package-info.java"))) {
                    missing.add(RepositoryPaths.root().relativize(directory).toString());
                }
            }
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    /** The {@code src/main/java} folders that hold a {@code module-info.java}. */
    private static List<Path> modules() throws IOException {
        Path root = RepositoryPaths.root();
        try (Stream<Path> folders = Files.find(root, 2, (path, attributes) -> attributes.isDirectory()
                && !path.getFileName().toString().startsWith(".") && !path.toString().contains("/target"))) {
            return folders.map(folder -> folder.resolve("src/main/java"))
                    .filter(sources -> Files.isRegularFile(sources.resolve("module-info.java")))
                    .sorted().toList();
        }
    }

    /** The folders below {@code sources} that hold a Java source other than the module's own descriptor. */
    private static List<Path> packageDirectories(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".java"))
                    .map(Path::getParent)
                    .filter(directory -> !directory.equals(sources))
                    .distinct().sorted().toList();
        }
    }
}
