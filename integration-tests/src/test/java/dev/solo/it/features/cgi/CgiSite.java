package dev.solo.it.features.cgi;

import dev.solo.it.features.support.Programs;
import dev.solo.it.support.RepositoryPaths;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A site with a {@code cgi-bin} holding the demo's scripts ({@code examples/site/cgi-bin}: what a user of the demo
 * runs) and the tests' own ({@code src/test/resources/features/cgi}), served with every interpreter the demo uses.
 */
final class CgiSite {

    /** The tests' own scripts, on the test class path. */
    private static final List<String> TEST_SCRIPTS = List.of(
            "vars.py", "vars.pl", "echo.py", "cwd.py", "status.py", "cookies.py", "hello.sh", "big.py", "partial.sh",
            "hang.sh");

    /** Placeholders: {@code root}, {@code timeout}, {@code max}, {@code extra} (more server directives). */
    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0;
                root {root};
                cgi_max_processes {max};
                {extra}
                location /cgi-bin/ {
                    cgi .py python3;
                    cgi .pl perl;
                    cgi .sh bash;
                    cgi .php php-cgi;
                    cgi_timeout {timeout};
                    methods GET POST;
                    client_max_body_size 10m;
                }
            }
            """;

    private CgiSite() {
    }

    /**
     * Fills a site directory: {@code index.html}, {@code cgi-bin/} with the scripts and {@code data.txt}, and
     * {@code cgi-bin/tools.py/}, a directory whose name looks like a script.
     *
     * @param root the site directory
     * @return the {@code cgi-bin} directory
     * @throws IOException when copying fails
     * @throws AssertionError when an interpreter is missing, naming its package
     */
    static Path install(Path root) throws IOException {
        Programs.require("python3", "python3");
        Programs.require("perl", "perl");
        Programs.require("bash", "bash");
        Programs.require("php-cgi", "php-cgi");
        Path cgiBin = Files.createDirectories(root.resolve("cgi-bin"));
        try (Stream<Path> demo = Files.list(RepositoryPaths.root().resolve("examples/site/cgi-bin"))) {
            for (Path file : demo.collect(Collectors.toList())) {
                Files.copy(file, cgiBin.resolve(file.getFileName().toString()));
            }
        }
        for (String name : TEST_SCRIPTS) {
            try (InputStream in = CgiSite.class.getResourceAsStream("/features/cgi/" + name)) {
                if (in == null) {
                    throw new IOException("test script missing from the class path: " + name);
                }
                Files.copy(in, cgiBin.resolve(name));
            }
        }
        Files.createDirectories(cgiBin.resolve("tools.py"));
        Files.writeString(root.resolve("index.html"), "<!DOCTYPE html><title>static</title><p>a static page\n");
        return cgiBin;
    }

    /**
     * @param root a directory filled by {@link #install}
     * @param timeout the {@code cgi_timeout} value, e.g. {@code 10s}
     * @param maxProcesses the {@code cgi_max_processes} value
     * @return the running server
     * @throws Exception when it does not start
     */
    static TestServer start(Path root, String timeout, int maxProcesses) throws Exception {
        return start(root, timeout, maxProcesses, "");
    }

    /**
     * @param root a directory filled by {@link #install}
     * @param timeout the {@code cgi_timeout} value, e.g. {@code 10s}
     * @param maxProcesses the {@code cgi_max_processes} value
     * @param extra more directives for the server block, e.g. {@code cgi_queue_size 1;}
     * @return the running server
     * @throws Exception when it does not start
     */
    static TestServer start(Path root, String timeout, int maxProcesses, String extra) throws Exception {
        return start(Transport.PLAIN, root, timeout, maxProcesses, extra);
    }

    /**
     * @param transport plain or TLS
     * @param root a directory filled by {@link #install}
     * @param timeout the {@code cgi_timeout} value, e.g. {@code 10s}
     * @param maxProcesses the {@code cgi_max_processes} value
     * @return the running server
     * @throws Exception when it does not start
     */
    static TestServer start(Transport transport, Path root, String timeout, int maxProcesses) throws Exception {
        return start(transport, root, timeout, maxProcesses, "");
    }

    /**
     * @param transport plain or TLS
     * @param root a directory filled by {@link #install}
     * @param timeout the {@code cgi_timeout} value, e.g. {@code 10s}
     * @param maxProcesses the {@code cgi_max_processes} value
     * @param extra more directives for the server block, e.g. {@code cgi_queue_size 1;}
     * @return the running server
     * @throws Exception when it does not start
     */
    static TestServer start(Transport transport, Path root, String timeout, int maxProcesses, String extra)
            throws Exception {
        return TestServer.start(transport, CONFIG, Map.of("root", root, "timeout", timeout, "max", maxProcesses,
                "extra", extra));
    }

    /**
     * Writes a bash script into {@code cgi-bin} (run through {@code cgi .sh bash}, so it needs no execute bit).
     *
     * @param root a directory filled by {@link #install}
     * @param name the file name, ending in {@code .sh}
     * @param body the script's lines
     * @throws IOException when it cannot be written
     */
    static void script(Path root, String name, String body) throws IOException {
        Files.writeString(root.resolve("cgi-bin").resolve(name), "#!/usr/bin/env bash\n" + body + "\n");
    }

    /**
     * @return a sleep duration no other process on the machine is likely to use, such as {@code 30.04711}, so that
     *         {@code sleep} with it can be found by its command line wherever it ends up (an orphan is re-parented)
     */
    static String uniqueSleep() {
        return "30.0" + (System.nanoTime() % 100_000 + 100_000);
    }

    /**
     * @param body lines {@code NAME=VALUE}, as {@code vars.py} and {@code vars.pl} print them
     * @return the variables
     */
    static Map<String, String> variables(String body) {
        return body.lines().filter(line -> line.indexOf('=') > 0)
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> a + "\n" + b));
    }
}
