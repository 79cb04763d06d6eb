package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.ConfigText;
import dev.solo.it.support.Http;
import dev.solo.it.support.Launcher;
import dev.solo.it.support.RepositoryPaths;
import dev.solo.it.support.SiteFiles;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code solo} command in a child JVM on the module path, as a user runs it. */
class LauncherTest {

    /** JVM start-up plus module resolution can be slow on a loaded build machine. */
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(10);
    /** The built-in console format: {@code HH:mm:ss.SSS LEVEL Logger - message}. */
    private static final Pattern LOG_LINE =
            Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) \\S+ - .*");

    @TempDir
    Path directory;

    @Test
    @DisplayName("solo CONFIG serves on the module path, logs 'listening on', and exits 0 on SIGTERM")
    void servesAndStopsCleanlyOnSigterm() throws Exception {
        Path site = SiteFiles.directory(directory, "site");
        SiteFiles.write(site, "index.html", "<p>launched</p>");
        Path config = ConfigText.write(directory, "server { listen 127.0.0.1:0; root {root}; }",
                Map.of("root", site));
        try (Launcher solo = Launcher.start(config.toString())) {
            InetSocketAddress address = solo.awaitListening(START);
            HttpResponse<String> response = Http.get(URI.create("http://" + address.getAddress().getHostAddress()
                    + ":" + address.getPort() + "/"));
            assertEquals(200, response.statusCode());
            assertEquals("<p>launched</p>", response.body());

            assertEquals(0, solo.stop(STOP), solo::output);
            // Everything the server printed is its own log lines: no SLF4J or Logback start-up chatter.
            String output = solo.awaitOutput(STOP);
            for (String line : output.split("\n")) {
                assertTrue(LOG_LINE.matcher(line).matches(), "not a Solo log line: " + line + "\n" + output);
            }
            assertTrue(output.contains(" INFO  Main - listening on "), output);
        }
    }

    @Test
    @DisplayName("a Logback configuration named with -Dlogback.configurationFile replaces the built-in console format")
    void usesTheLogbackConfigurationTheUserNames() throws Exception {
        Path site = SiteFiles.directory(directory, "site");
        Path config = ConfigText.write(directory, "server { listen 127.0.0.1:0; root {root}; }",
                Map.of("root", site));
        Path logback = SiteFiles.write(directory, "logback.xml", "<configuration>\n"
                + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder><pattern>user-format %level %msg%n</pattern></encoder>\n"
                + "  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"OUT\"/></root>\n"
                + "</configuration>\n");
        try (Launcher solo = Launcher.startWithJvmOptions(List.of("-Dlogback.configurationFile=" + logback),
                config.toString())) {
            solo.awaitListening(START);
            assertEquals(0, solo.stop(STOP), solo::output);
            assertTrue(solo.awaitOutput(STOP).contains("user-format INFO listening on "), solo::output);
        }
    }

    @Test
    @DisplayName("solo --check on a broken config prints file:line:col: message and exits 1")
    void checkReportsErrorsWithPositions() throws Exception {
        Path config = ConfigText.write(directory, """
                server {
                    listen 127.0.0.1:0;
                    lisen 127.0.0.1:0;
                }
                """, Map.of());
        Launcher.Result result = Launcher.run(START, "--check", config.toString());
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(config.toString()) + ":3:5: .*lisen").matcher(
                result.output()).find(), result.output());
    }

    @Test
    @DisplayName("solo --check on the demo config says it is valid and exits 0")
    void checkAcceptsTheDemoConfig() throws Exception {
        Path demo = RepositoryPaths.root().resolve("examples/solo.conf");
        dev.solo.it.support.DemoCertificate.ensure(dev.solo.it.support.DemoCertificate.inBuildFolder());
        Launcher.Result result = Launcher.run(START, "--check", demo.toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("configuration is valid"), result.output());
    }

    @Test
    @DisplayName("solo on a missing config file exits 1 and names the file")
    void refusesAMissingConfigFile() throws Exception {
        Path missing = directory.resolve("nope.conf");
        Launcher.Result result = Launcher.run(START, missing.toString());
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains(missing.toString()), result.output());
    }
}
