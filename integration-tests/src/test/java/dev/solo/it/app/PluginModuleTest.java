package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Http;
import dev.solo.it.support.Launcher;
import dev.solo.it.support.RepositoryPaths;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party handler module is deployed by putting its jar on the module path and adding its directive: the
 * server finds it through ServiceLoader, and without the jar the directive is a clear config error.
 */
class PluginModuleTest {

    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path config() throws Exception {
        Files.writeString(dir.resolve("guide.md"), "# Hello\n\nSome *emphasis*.\n");
        return Files.writeString(dir.resolve("site.conf"), """
                server {
                    listen 127.0.0.1:0;
                    root .;
                    location / {
                        markdown on;
                    }
                }
                """);
    }

    @Test
    @DisplayName("without the plugin jar, its directive is an unknown directive reported at file:line:col")
    void withoutTheJarTheDirectiveIsRejected() throws Exception {
        Path config = config();
        Launcher.Result result = Launcher.runOn(RepositoryPaths.moduleDirectory().toString(), START,
                "--check", config.toString());
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains(config + ":5:9: unknown directive 'markdown'"), result.output());
    }

    @Test
    @DisplayName("with the plugin jar on the module path, the directive works and the route is served")
    void withTheJarTheRouteIsServed() throws Exception {
        Path config = config();
        try (Launcher solo = Launcher.start(config.toString())) {
            InetSocketAddress address = solo.awaitListening(START);
            HttpResponse<String> page = Http.get(URI.create("http://127.0.0.1:" + address.getPort() + "/guide.md"));
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("<h1>Hello</h1>"), page.body());
            assertTrue(page.body().contains("<em>emphasis</em>"), page.body());
        }
    }
}
