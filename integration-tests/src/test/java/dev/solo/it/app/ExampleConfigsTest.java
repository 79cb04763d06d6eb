package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.solo.app.Solo;
import dev.solo.it.support.RepositoryPaths;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example config passes the same validation as {@code solo --check}. */
class ExampleConfigsTest {

    private static final Pattern CGI_LINE = Pattern.compile("(?m)^\\s*cgi\\s+\\S+\\s+(\\S+)\\s*;");

    static Stream<Path> exampleConfigs() throws IOException {
        try (Stream<Path> files = Files.list(RepositoryPaths.root().resolve("examples"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList().stream();
        }
    }

    @Test
    @DisplayName("the examples directory holds at least the demo config")
    void findsTheExamples() throws IOException {
        assertTrue(exampleConfigs().anyMatch(p -> p.getFileName().toString().equals("solo.conf")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleConfigs")
    @DisplayName("an example config is valid with every module on the class path")
    void validatesTheExample(Path config) throws Exception {
        for (String interpreter : cgiInterpreters(config)) {
            assumeTrue(onPath(interpreter), "CGI interpreter " + interpreter + " is not installed");
        }
        dev.solo.it.support.DemoCertificate.ensure(dev.solo.it.support.DemoCertificate.inBuildFolder());
        Solo solo = Solo.configure(config);
        assertFalse(solo.summary().isBlank(), "the summary lists what the config serves");
        assertTrue(solo.summary().contains("listen "), solo.summary());
    }

    /** The interpreters named by {@code cgi} lines of the config and the files it may include from conf.d. */
    private static List<String> cgiInterpreters(Path config) throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(config));
        Path confD = config.resolveSibling("conf.d");
        if (Files.isDirectory(confD)) {
            try (Stream<Path> included = Files.list(confD)) {
                for (Path file : included.filter(p -> p.toString().endsWith(".conf")).toList()) {
                    text.append('\n').append(Files.readString(file));
                }
            }
        }
        Matcher matcher = CGI_LINE.matcher(text);
        return matcher.results().map(m -> m.group(1)).distinct().toList();
    }

    private static boolean onPath(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
