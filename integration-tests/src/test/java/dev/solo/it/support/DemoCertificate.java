package dev.solo.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's HTTPS certificate, which {@code ./solo} makes at its first start and {@code examples/solo.conf} names:
 * a local demo CA ({@code demo-ca.crt}) and a leaf for localhost it signs ({@code localhost.crt}, leaf then CA, and
 * {@code localhost.key}). Tests that read the demo config in place (validation, {@code --check}) or copy the demo make
 * it with the same openssl commands as the launcher's {@code demo_certificate} when it is not there yet.
 */
public final class DemoCertificate {

    private DemoCertificate() {
    }

    /**
     * Makes the demo CA and the certificate in a directory unless they are there. A directory from before the demo CA
     * (a self-signed {@code localhost.crt} without {@code demo-ca.crt}) is made anew, as {@code ./solo} does.
     *
     * @param directory where they go
     * @throws IOException when openssl fails
     * @throws InterruptedException when interrupted while openssl runs
     */
    public static void ensure(Path directory) throws IOException, InterruptedException {
        if (Files.isRegularFile(directory.resolve("demo-ca.crt")) && Files.isRegularFile(directory.resolve(
                "localhost.crt")) && Files.isRegularFile(directory.resolve("localhost.key"))) {
            return;
        }
        Files.createDirectories(directory);
        openssl(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days",
                "3650", "-subj", "/O=Solo demo (local)/CN=Solo demo CA", "-addext",
                "basicConstraints=critical,CA:TRUE,pathlen:0", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-addext", "nameConstraints=critical,permitted;DNS:localhost,permitted;DNS:.localhost,"
                        + "permitted;IP:127.0.0.0/255.0.0.0",
                "-keyout", "demo-ca.key", "-out", "demo-ca.crt");
        Files.writeString(directory.resolve("localhost.ext"), String.join("\n", "basicConstraints=critical,CA:FALSE",
                "keyUsage=critical,digitalSignature", "extendedKeyUsage=serverAuth",
                "subjectAltName=DNS:localhost,DNS:demo.localhost,IP:127.0.0.1", "subjectKeyIdentifier=hash",
                "authorityKeyIdentifier=keyid") + "\n");
        openssl(directory, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
                "/CN=localhost", "-keyout", "localhost.key", "-out", "localhost.csr");
        openssl(directory, "x509", "-req", "-in", "localhost.csr", "-CA", "demo-ca.crt", "-CAkey", "demo-ca.key",
                "-CAcreateserial", "-days", "397", "-sha256", "-extfile", "localhost.ext", "-out", "localhost.leaf");
        Files.writeString(directory.resolve("localhost.crt"), Files.readString(directory.resolve("localhost.leaf"))
                + Files.readString(directory.resolve("demo-ca.crt")));
    }

    private static void openssl(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
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

    /**
     * @param directory a folder made by {@link #ensure} or by {@code ./solo}
     * @return the demo CA's certificate in it, for a client that is to trust the demo
     */
    public static Path ca(Path directory) {
        return directory.resolve("demo-ca.crt");
    }
}
