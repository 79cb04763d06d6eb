package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Launcher;
import dev.solo.it.support.RepositoryPaths;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second module that provides what an installed one already provides (a handler type, a directive) is refused at
 * start and by {@code --check}: one error line naming both modules and classes, exit status 1, no stack trace. The
 * second module is compiled here, against the server's modules, into a modular jar put on the launcher's module path.
 */
class DuplicatePluginTest {

    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path config() throws IOException {
        Files.createDirectories(dir.resolve("www"));
        return Files.writeString(dir.resolve("site.conf"), """
                server {
                    listen 127.0.0.1:0;
                    root www;
                }
                """);
    }

    @Test
    @DisplayName("a module with a handler type named like a built-in one stops the start with a message naming both")
    void secondStaticHandlerTypeStopsTheStart() throws Exception {
        Path jar = moduleJar("com.example.clash", Map.of("com/example/clash/OwnStatic.java", """
                package com.example.clash;

                import dev.solo.http.Handler;
                import dev.solo.http.spi.HandlerProvider;
                import dev.solo.http.spi.LocationContext;
                import java.util.Optional;

                public final class OwnStatic implements HandlerProvider {
                    public String name() { return "static"; }
                    public int order() { return 900; }
                    public Optional<Handler> create(LocationContext location) { return Optional.empty(); }
                }
                """), "provides dev.solo.http.spi.HandlerProvider with com.example.clash.OwnStatic;");
        Path config = config();

        Launcher.Result result = Launcher.runOn(modulePathWith(jar), RUN, config.toString());

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains(config + ": two modules provide the handler type \"static\":"
                + " com.example.clash (com.example.clash.OwnStatic)"
                + " and dev.solo.http (dev.solo.http.internal.files.StaticFilesProvider)\n"), result.output());
        assertTrue(result.output().contains("solo: 1 error(s) in the configuration"), result.output());
        assertNoStackTrace(result.output());
        assertFalse(result.output().contains("listening on"), result.output());
    }

    @Test
    @DisplayName("solo --check names both modules of a directive declared twice")
    void secondRootDirectiveFailsTheCheck() throws Exception {
        Path jar = moduleJar("com.example.root", Map.of("com/example/root/RootAgain.java", """
                package com.example.root;

                import dev.solo.config.spi.DirectiveProvider;
                import dev.solo.config.spi.DirectiveSpec;
                import java.util.List;

                public final class RootAgain implements DirectiveProvider {
                    public List<DirectiveSpec> directives() {
                        return List.of(DirectiveSpec.create("root", b -> b.contexts("server").args(1)));
                    }
                }
                """), "provides dev.solo.config.spi.DirectiveProvider with com.example.root.RootAgain;");
        Path config = config();

        Launcher.Result result = Launcher.runOn(modulePathWith(jar), RUN, "--check", config.toString());

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains(config + ": two modules provide the directive \"root\":"
                + " com.example.root (com.example.root.RootAgain)"
                + " and dev.solo.http (dev.solo.http.internal.config.HttpDirectives)\n"), result.output());
        assertNoStackTrace(result.output());
        assertFalse(result.output().contains("configuration is valid"), result.output());
    }

    @Test
    @DisplayName("a plugin whose provider cannot be created stops the start with its name and reason, no stack trace")
    void brokenProviderStopsTheStartWithOneLine() throws Exception {
        Path jar = moduleJar("com.example.broken", Map.of("com/example/broken/Broken.java", """
                package com.example.broken;

                import dev.solo.http.Handler;
                import dev.solo.http.spi.HandlerProvider;
                import dev.solo.http.spi.LocationContext;
                import java.util.Optional;

                public final class Broken implements HandlerProvider {
                    public Broken() { throw new IllegalStateException("no licence file"); }
                    public String name() { return "broken"; }
                    public int order() { return 900; }
                    public Optional<Handler> create(LocationContext location) { return Optional.empty(); }
                }
                """), "provides dev.solo.http.spi.HandlerProvider with com.example.broken.Broken;");
        Path config = config();

        Launcher.Result result = Launcher.runOn(modulePathWith(jar), RUN, config.toString());

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("solo: a plugin could not be loaded:"), result.output());
        assertTrue(result.output().contains("com.example.broken.Broken"), result.output());
        assertTrue(result.output().contains("no licence file"), result.output());
        assertFalse(result.output().contains("\tat "), result.output());
        assertFalse(result.output().contains("listening on"), result.output());
    }

    private static void assertNoStackTrace(String output) {
        assertFalse(output.contains("Exception"), output);
        assertFalse(output.contains("\tat "), output);
    }

    private static String modulePathWith(Path jar) {
        return RepositoryPaths.moduleDirectory() + File.pathSeparator + jar;
    }

    /**
     * Compiles a module that requires {@code dev.solo.http} and packs it as a modular jar.
     *
     * @param name the module's name
     * @param sources its classes, by path under the source root
     * @param provides the module's {@code provides} line
     * @return the jar
     */
    private Path moduleJar(String name, Map<String, String> sources, String provides) throws IOException {
        Path src = dir.resolve(name + "-src");
        Path classes = dir.resolve(name + "-classes");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                "--module-path", RepositoryPaths.moduleDirectory().toString()));
        Path moduleInfo = src.resolve("module-info.java");
        Files.createDirectories(src);
        Files.writeString(moduleInfo, "module " + name + " {\n    requires dev.solo.http;\n    " + provides + "\n}\n");
        arguments.add(moduleInfo.toString());
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, arguments.toArray(String[]::new));
        assertEquals(0, status, "the test module does not compile:\n" + messages.toString(StandardCharsets.UTF_8));
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
