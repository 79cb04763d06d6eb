package dev.solo.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates every {@link Transport#TLS} test shares, made once per test JVM with {@code openssl} under
 * {@code integration-tests/target}: a test CA (ECDSA P-256) and a server certificate it signs for {@code localhost}
 * and the loopback addresses 127.0.0.1 to 127.0.0.9, written leaf then CA, as a fullchain file.
 */
public final class TestTls {

    private static volatile TestTls instance;

    private final Path directory;
    private final SSLContext clientContext;

    private TestTls(Path directory) throws IOException, GeneralSecurityException {
        this.directory = directory;
        this.clientContext = trusting(directory.resolve("ca.crt"));
        warmUp(clientContext, serving(directory.resolve("server.crt"), directory.resolve("server.key")));
    }

    /**
     * @return the shared certificates, made at the first call
     * @throws UncheckedIOException when openssl fails (apt-get install openssl)
     */
    public static TestTls get() {
        TestTls tls = instance;
        if (tls == null) {
            synchronized (TestTls.class) {
                tls = instance;
                if (tls == null) {
                    tls = make();
                    instance = tls;
                }
            }
        }
        return tls;
    }

    private static TestTls make() {
        try {
            Path target = Files.createDirectories(RepositoryPaths.root().resolve("integration-tests/target"));
            Path directory = Files.createTempDirectory(target, "test-tls-");
            openssl(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Solo Integration Test CA",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
            openssl(directory, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
            StringBuilder san = new StringBuilder("subjectAltName=DNS:localhost");
            for (int i = 1; i <= 9; i++) {
                san.append(",IP:127.0.0.").append(i);
            }
            Files.writeString(directory.resolve("server.ext"), san + "\nextendedKeyUsage=serverAuth\n");
            openssl(directory, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                    "-CAcreateserial", "-days", "2", "-extfile", "server.ext", "-out", "server.leaf");
            Files.writeString(directory.resolve("server.crt"), Files.readString(directory.resolve("server.leaf"))
                    + Files.readString(directory.resolve("ca.crt")));
            return new TestTls(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test CA", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while openssl ran", e);
        }
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
            throw new IOException("openssl " + String.join(" ", arguments) + " failed (apt-get install openssl):\n"
                    + output);
        }
    }

    private static SSLContext trusting(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static SSLContext serving(Path chainFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(chainFile)) {
            chain.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(pem)));
        KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
        keys.load(null, null);
        keys.setKeyEntry("server", key, new char[0], chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    /**
     * One TLS 1.3 handshake in memory, client and server engines passing records by hand. The first handshake of a
     * JVM loads and initialises the JDK's TLS and elliptic-curve classes, which takes hundreds of milliseconds on a
     * busy machine; the servers under test run in this JVM, and a test whose header timeout is shorter than that (a
     * handshake counts against it) would fail for the JVM's start-up, not for the server.
     */
    private static void warmUp(SSLContext clientContext, SSLContext serverContext) throws SSLException {
        SSLEngine client = clientContext.createSSLEngine("127.0.0.1", 443);
        client.setUseClientMode(true);
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(size * 4);
        ByteBuffer toClient = ByteBuffer.allocate(size * 4);
        ByteBuffer plain = ByteBuffer.allocate(size * 4);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; step < 100 && !(done(client) && done(server)); step++) {
            client.wrap(empty, toServer);
            runTasks(client);
            toServer.flip();
            server.unwrap(toServer, plain.clear());
            toServer.compact();
            runTasks(server);
            server.wrap(empty, toClient);
            runTasks(server);
            toClient.flip();
            client.unwrap(toClient, plain.clear());
            toClient.compact();
            runTasks(client);
        }
        if (!done(client) || !done(server)) {
            throw new SSLException("the warm-up handshake did not finish: " + client.getHandshakeStatus() + ", "
                    + server.getHandshakeStatus());
        }
    }

    private static boolean done(SSLEngine engine) {
        return engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                || engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED;
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** @return the CA certificate, e.g. for {@code curl --cacert} */
    public Path ca() {
        return directory.resolve("ca.crt");
    }

    /** @return the server's certificate chain, leaf then CA */
    public Path certificate() {
        return directory.resolve("server.crt");
    }

    /** @return the server's private key (PKCS#8) */
    public Path key() {
        return directory.resolve("server.key");
    }

    /** @return a client context that trusts the test CA and nothing else */
    public SSLContext clientContext() {
        return clientContext;
    }

    /** @return {@code ssl_certificate} and {@code ssl_certificate_key} lines for a config's main context */
    String mainContextDirectives() {
        return ConfigText.render("ssl_certificate {crt};\nssl_certificate_key {key};\n",
                Map.of("crt", certificate(), "key", key()));
    }
}
