package dev.solo.it.features.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.Programs;
import dev.solo.it.support.ConfigText;
import dev.solo.it.support.Launcher;
import dev.solo.it.support.RepositoryPaths;
import dev.solo.it.support.SiteFiles;
import java.io.File;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssl_provider conscrypt;} on the module path, as {@code ./solo} runs it (the other TLS tests run on the class
 * path): the distribution serves with it and needs no {@code --add-opens}; {@code solo --check} reports a missing
 * module or a native library that cannot load at the directive.
 */
class ConscryptLauncherTest {

    private static final Duration RUN = Duration.ofSeconds(60);
    private static final String CONFIG = """
            ssl_provider conscrypt;
            server {
                listen 127.0.0.1:0 ssl;
                server_name localhost;
                ssl_certificate {crt};
                ssl_certificate_key {key};
                root {root};
            }
            """;

    @TempDir
    Path directory;
    private TestCertificates certificates;
    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        Path keys = Files.createDirectories(directory.resolve("keys"));
        certificates = TestCertificates.create(keys);
        certificates.server("server", false, "pkcs8", "localhost");
        Path root = SiteFiles.directory(directory, "www");
        SiteFiles.write(root, "index.html", "served by conscrypt\n");
        config = ConfigText.write(directory, CONFIG, Map.of("crt", keys.resolve("server.crt"),
                "key", keys.resolve("server.key"), "root", root));
    }

    @Test
    void theDistributionServesHttpsWithConscryptOnTheModulePath() throws Exception {
        try (Launcher solo = Launcher.start(config.toString())) {
            InetSocketAddress address = solo.awaitListening(RUN);
            Process curl = new ProcessBuilder(Programs.require("curl", "curl").toString(), "-sS", "--max-time", "10",
                    "--cacert", certificates.ca().toString(), "--resolve", "localhost:" + address.getPort()
                    + ":127.0.0.1", "-w", "\n%{ssl_verify_result}",
                    URI.create("https://localhost:" + address.getPort() + "/").toString())
                    .redirectErrorStream(true).start();
            String output;
            try (InputStream in = curl.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
            assertEquals("served by conscrypt\n\n0", output);
            assertEquals(0, solo.stop(RUN), solo::output);
        }
    }

    @Test
    void checkAcceptsTheConfigWithTheDistributionsModules() throws Exception {
        Launcher.Result result = Launcher.run(RUN, "--check", config.toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("configuration is valid"), result.output());
    }

    @Test
    void checkReportsAMissingModuleAtTheDirective() throws Exception {
        String withoutConscrypt = modulePath(jar -> !jar.getFileName().toString().contains("conscrypt"));
        Launcher.Result result = Launcher.runOn(withoutConscrypt, RUN, "--check", config.toString());
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(config + ":1:14: ssl_provider conscrypt: module dev.solo.tls.conscrypt "
                + "(server-tls-conscrypt) is not on the module path"), result.output());
    }

    @Test
    void checkReportsANativeLibraryThatCannotLoadAtTheDirective() throws Exception {
        // Conscrypt's jar without its Linux library: what a platform it has no library for sees.
        Path stripped = directory.resolve("conscrypt-without-native.jar");
        Path original = jars().filter(j -> j.getFileName().toString().startsWith("conscrypt-")).findFirst()
                .orElseThrow(() -> new AssertionError("no Conscrypt jar in " + RepositoryPaths.moduleDirectory()));
        Files.copy(original, stripped);
        try (FileSystem zip = FileSystems.newFileSystem(stripped)) {
            try (Stream<Path> natives = Files.list(zip.getPath("META-INF/native"))) {
                for (Path library : natives.toList()) {
                    Files.delete(library);
                }
            }
        }
        String path = modulePath(jar -> !jar.equals(original)) + File.pathSeparator + stripped;
        Launcher.Result result = Launcher.runOn(path, RUN, "--check", config.toString());
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(config + ":1:14: ssl_provider conscrypt: the provider in module "
                + "dev.solo.tls.conscrypt cannot be loaded on this platform (" + System.getProperty("os.name")), result.output());
        assertTrue(result.output().contains("use ssl_provider jdk"), result.output());
    }

    private static Stream<Path> jars() throws Exception {
        try (Stream<Path> all = Files.list(RepositoryPaths.moduleDirectory())) {
            return all.filter(j -> j.getFileName().toString().endsWith(".jar")).toList().stream();
        }
    }

    private static String modulePath(java.util.function.Predicate<Path> keep) throws Exception {
        List<String> kept = jars().filter(keep).map(Path::toString).toList();
        return String.join(File.pathSeparator, kept);
    }
}
