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
