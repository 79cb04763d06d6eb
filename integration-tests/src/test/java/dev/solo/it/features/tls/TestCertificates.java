package dev.solo.it.features.tls;

import dev.solo.it.features.support.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test CA and the certificates it signs, made with {@code openssl} in a directory of the test's: server
 * certificates by host name (ECDSA P-256 or RSA 2048), client certificates, and a self-signed one nobody trusts.
 */
final class TestCertificates {

    private final Path directory;
    private final Path openssl;

    private TestCertificates(Path directory) {
        this.directory = directory;
        this.openssl = Programs.require("openssl", "openssl");
    }

    /** Makes the CA ({@code ca.crt}, {@code ca.key}) in the directory. */
    static TestCertificates create(Path directory) throws Exception {
        TestCertificates certificates = new TestCertificates(directory);
        certificates.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "3", "-subj", "/CN=Solo Test CA");
        return certificates;
    }

    Path directory() {
        return directory;
    }

    Path ca() {
        return directory.resolve("ca.crt");
    }

    /**
     * Signs a certificate for some host names; writes {@code NAME.crt} (leaf then CA, as certbot's fullchain.pem)
     * and {@code NAME.key}.
     *
     * @param name the file name stem
     * @param rsa RSA 2048 instead of ECDSA P-256
     * @param keyForm "pkcs8", or "traditional" for {@code BEGIN RSA/EC PRIVATE KEY}
     * @param hosts the subjectAltName DNS names
     */
    void server(String name, boolean rsa, String keyForm, String... hosts) throws Exception {
        StringBuilder san = new StringBuilder("subjectAltName=");
        for (int i = 0; i < hosts.length; i++) {
            san.append(i == 0 ? "" : ",").append("DNS:").append(hosts[i]);
        }
        sign(name, rsa, keyForm, "/CN=" + hosts[0], san.toString(), 3);
    }

    /** A client certificate signed by the CA, {@code NAME.crt} and {@code NAME.key}. */
    void client(String name, String commonName) throws Exception {
        sign(name, false, "pkcs8", "/O=Solo Tests/CN=" + commonName, "extendedKeyUsage=clientAuth", 3);
    }

    /** A self-signed certificate, trusted by nobody. */
    void selfSigned(String name, String commonName) throws Exception {
        run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                name + ".key", "-out", name + ".crt", "-days", "3", "-subj", "/CN=" + commonName);
    }

    private void sign(String name, boolean rsa, String keyForm, String subject, String extension, int days)
            throws Exception {
        List<String> newKey = rsa ? List.of("-newkey", "rsa:2048")
                : List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        List<String> request = new ArrayList<>(List.of("req", "-new"));
        request.addAll(newKey);
        request.addAll(List.of("-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject));
        run(request.toArray(String[]::new));
        Files.writeString(directory.resolve(name + ".ext"), extension + "\n");
        run("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".leaf", "-days", String.valueOf(days), "-extfile", name + ".ext");
        Files.writeString(directory.resolve(name + ".crt"), Files.readString(directory.resolve(name + ".leaf"))
                + Files.readString(ca()));
        if (keyForm.equals("traditional")) {
            // "openssl rsa -traditional" writes PKCS#1 (BEGIN RSA PRIVATE KEY), "openssl ec" SEC 1 (BEGIN EC ...).
            if (rsa) {
                run("rsa", "-in", name + ".key", "-out", name + ".key", "-traditional");
            } else {
                run("ec", "-in", name + ".key", "-out", name + ".key");
            }
        }
    }

    /** Runs openssl in the directory and fails with its output when it fails. */
    String run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(openssl.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed:\n" + output);
        }
        return output;
    }

    /** @return an SSLContext that trusts the test CA only */
    SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(ca())) {
            trust.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
