package dev.solo.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's self-signed HTTPS certificate, which {@code ./solo} makes at its first start and
 * {@code examples/solo.conf} names: tests that read the demo config in place (validation, {@code --check}) make it
 * the same way when no start has yet.
 */
public final class DemoCertificate {

    private DemoCertificate() {
    }

    /**
     * Makes {@code localhost.crt} and {@code localhost.key} in a directory unless they are there.
     *
     * @param directory where they go
     * @throws IOException when openssl fails
     * @throws InterruptedException when interrupted while openssl runs
     */
    public static void ensure(Path directory) throws IOException, InterruptedException {
        if (Files.isRegularFile(directory.resolve("localhost.crt")) && Files.isRegularFile(directory.resolve(
                "localhost.key"))) {
            return;
        }
        Files.createDirectories(directory);
        Process process = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-days", "825", "-subj", "/CN=localhost", "-addext",
                "subjectAltName=DNS:localhost,DNS:demo.localhost,IP:127.0.0.1", "-keyout", "localhost.key", "-out",
                "localhost.crt")).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl could not make the demo certificate (apt-get install openssl):\n" + output);
        }
    }

    /**
     * @return the build folder where {@code ./solo} keeps the demo certificate ({@code server-app/target/demo-tls})
     */
    public static Path inBuildFolder() {
        return RepositoryPaths.root().resolve("server-app/target/demo-tls");
    }
}
