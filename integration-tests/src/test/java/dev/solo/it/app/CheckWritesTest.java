package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.ConfigText;
import dev.solo.it.support.Launcher;
import dev.solo.it.support.SiteFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, item 1: {@code solo --check} shows, per location, which methods write files, and warns about risks. */
class CheckWritesTest {

    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    @DisplayName("solo --check lists the writing methods of each location and warns about DELETE open to the network")
    void checkShowsWritesAndWarnings() throws Exception {
        Path site = SiteFiles.directory(directory, "site");
        SiteFiles.write(site, "uploads/.keep", "");
        Path config = ConfigText.write(directory, """
                server {
                    listen 0.0.0.0:0;
                    root {root};
                    location /uploads/ { upload on; }
                    location /public/ { }
                }
                """, Map.of("root", site));

        Launcher.Result result = Launcher.run(START, "--check", config.toString());

        assertEquals(0, result.exitCode(), result.output());
        String output = result.output();
        assertTrue(Pattern.compile("(?m)^ +location /uploads/ .*writes: POST PUT DELETE$").matcher(output).find(),
                output);
        assertTrue(Pattern.compile("(?m)^ +location /public/ .*allow: GET, HEAD, OPTIONS  writes: none$")
                .matcher(output).find(), output);
        assertTrue(Pattern.compile("(?m)^warning: " + Pattern.quote(config.toString())
                + ":4:26: location /uploads/ lets anyone who reaches .* upload and DELETE files").matcher(output)
                .find(), output);
    }

    @Test
    @DisplayName("solo --check refuses 'upload on;' in a server block with file:line:col")
    void checkRefusesServerLevelUploads() throws Exception {
        Path site = SiteFiles.directory(directory, "site");
        Path config = ConfigText.write(directory, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    upload on;
                }
                """, Map.of("root", site));

        Launcher.Result result = Launcher.run(START, "--check", config.toString());

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains(config + ":4:5: 'upload' is not allowed in a server block"),
                result.output());
    }
}
