package dev.solo.it.features.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.it.features.support.Poll;
import dev.solo.it.features.support.Programs;
import dev.solo.it.support.TestServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssl_provider conscrypt;}: what {@link HttpsTest} and {@link HttpsIntegrationTest} check with the JDK's
 * provider, again with Conscrypt's engines (BoringSSL) under the same loop: SNI, ALPN, protocol refusal, a large file
 * and an upload, close_notify both ways, client certificates and the CGI variables.
 */
class ConscryptHttpsTest {

    private static final String CONFIG = """
            ssl_provider conscrypt;
            server {
                listen 127.0.0.1:0 ssl;
                server_name a.test localhost;
                ssl_certificate {a_crt};
                ssl_certificate_key {a_key};
                ssl_client_certificate {ca};
                ssl_verify_client optional;
                root {a_root};
                location /uploads/ { upload on; client_max_body_size 10m; }
                location /cgi-bin/ { cgi .sh bash; }
            }
            server {
                listen 127.0.0.1:0 ssl;
                server_name b.test;
                ssl_certificate {b_crt};
                ssl_certificate_key {b_key};
                root {b_root};
            }
            server {
                listen 127.0.0.2:0 ssl;
                server_name localhost;
                ssl_certificate {a_crt};
                ssl_certificate_key {a_key};
                ssl_client_certificate {ca};
                ssl_verify_client on;
                ssl_protocols TLSv1.2;
                ssl_ciphers ECDHE-ECDSA-AES256-GCM-SHA384;
                root {a_root};
                location /cgi-bin/ { cgi .sh bash; }
            }
            """;

    @TempDir
    static Path directory;
    private static TestCertificates certificates;
    private static TestServer server;
    private static byte[] mebibyte;

    @BeforeAll
    static void start() throws Exception {
        Programs.require("bash", "bash");
        Path keys = Files.createDirectories(directory.resolve("keys"));
        certificates = TestCertificates.create(keys);
        certificates.server("a", false, "traditional", "a.test", "localhost");
        certificates.server("b", true, "pkcs8", "b.test");
        certificates.client("alice", "alice");
        certificates.selfSigned("stranger", "stranger");
        Path aRoot = Files.createDirectories(directory.resolve("a"));
        Path bRoot = Files.createDirectories(directory.resolve("b"));
        Files.createDirectories(aRoot.resolve("uploads"));
        Files.writeString(aRoot.resolve("index.html"), "site a\n");
        Files.writeString(bRoot.resolve("index.html"), "site b\n");
        Path script = Files.createDirectories(aRoot.resolve("cgi-bin")).resolve("env.sh");
        Files.writeString(script, "printf 'Content-Type: text/plain\\r\\n\\r\\n'\nenv | sort\n");
        mebibyte = new byte[1 << 20];
        new Random(16).nextBytes(mebibyte);
        Files.write(aRoot.resolve("mib.bin"), mebibyte);
        server = TestServer.start(CONFIG, Map.of(
                "a_crt", keys.resolve("a.crt"), "a_key", keys.resolve("a.key"),
                "b_crt", keys.resolve("b.crt"), "b_key", keys.resolve("b.key"),
                "ca", certificates.ca(), "a_root", aRoot, "b_root", bRoot));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static int port() {
        return server.port(0);
    }

    private static String curl(int index, String... arguments) throws Exception {
        int port = server.port(index);
        String host = server.address(index).getHostString();
        List<String> command = new ArrayList<>(List.of(Programs.require("curl", "curl").toString(), "-sS",
                "--max-time", "10", "--cacert", certificates.ca().toString(),
                "--resolve", "a.test:" + port + ":" + host, "--resolve", "b.test:" + port + ":" + host,
                "--resolve", "localhost:" + port + ":" + host));
        command.addAll(List.of(arguments));
        return TlsClients.run(command);
    }

    private static String sClient(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Programs.require("openssl", "openssl").toString(),
                "s_client", "-connect", "127.0.0.1:" + port(), "-CAfile", certificates.ca().toString()));
        command.addAll(List.of(arguments));
        return TlsClients.run(command);
    }

    private static String[] clientCertificate(String name) {
        Path keys = certificates.directory();
        return new String[] {"--cert", keys.resolve(name + ".crt").toString(), "--key",
            keys.resolve(name + ".key").toString()};
    }

    @Test
    void curlGetsEachServerWithTheCertificateOfTheNameItAsked() throws Exception {
        String a = curl(0, "https://a.test:" + port() + "/");
        String b = curl(0, "https://b.test:" + port() + "/");
        assertTrue(a.startsWith("site a\n") && a.endsWith("exit=0"), a);
        assertTrue(b.startsWith("site b\n") && b.endsWith("exit=0"), b);
    }

    @Test
    void sniChoosesTheCertificateAndAClientWithoutSniGetsTheDefaultServers() throws Exception {
        String b = sClient("-servername", "b.test", "-brief");
        assertTrue(b.contains("CN = b.test") && b.contains("Signature type: RSA-PSS"), b);
        String a = sClient("-servername", "a.test", "-brief");
        assertTrue(a.contains("CN = a.test") && a.contains("Signature type: ECDSA"), a);
        assertTrue(sClient("-noservername", "-brief").contains("CN = a.test"));
    }

    @Test
    void tls12And13AreOfferedAndOlderProtocolsRefusedAtTheHandshake() throws Exception {
        assertTrue(sClient("-tls1_3", "-brief").contains("Protocol version: TLSv1.3"));
        String tls12 = sClient("-tls1_2", "-brief");
        assertTrue(tls12.contains("Protocol version: TLSv1.2"), tls12);
        assertTrue(tls12.contains("Ciphersuite: ECDHE-ECDSA-AES128-GCM-SHA256"), tls12);
        for (String old : List.of("-tls1", "-tls1_1")) {
            String refused = sClient(old, "-cipher", "DEFAULT@SECLEVEL=0");
            assertTrue(refused.contains("Cipher is (NONE)"), refused);
            assertFalse(refused.endsWith("exit=0"), refused);
        }
    }

    @Test
    void alpnAnswersHttp11AndIgnoresH2Only() throws Exception {
        assertTrue(sClient("-alpn", "h2,http/1.1").contains("ALPN protocol: http/1.1"));
        String h2only = sClient("-alpn", "h2");
        assertTrue(h2only.contains("No ALPN negotiated"), h2only);
    }

    @Test
    void aMebibyteFileAndAnUploadAreByteExactOverOneConnection() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(certificates.clientContext())
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI base = URI.create("https://localhost:" + port());
        HttpResponse<byte[]> download = client.send(HttpRequest.newBuilder(base.resolve("/mib.bin")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(mebibyte, download.body());
        HttpResponse<String> upload = client.send(HttpRequest.newBuilder(base.resolve("/uploads/copy.bin"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(mebibyte)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, upload.statusCode(), upload.body());
        assertArrayEquals(mebibyte, Files.readAllBytes(directory.resolve("a/uploads/copy.bin")));
    }

    @Test
    void closeNotifyIsSentWhenTheServerCloses() throws Exception {
        try (SSLSocket socket = openTls("a.test")) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            // An SSLSocket reports EOF (-1) only after the peer's close_notify; a bare FIN would throw instead.
            byte[] all = socket.getInputStream().readAllBytes();
            assertTrue(new String(all, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200 OK"));
        }
    }

    @Test
    void aClientThatClosesWithCloseNotifyLeavesNothingOpen() throws Exception {
        int before = server.solo().openConnections();
        for (int i = 0; i < 5; i++) {
            try (SSLSocket socket = openTls("b.test")) {
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: b.test\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertTrue(socket.getInputStream().read() >= 0);
            }
        }
        Poll.until(Duration.ofSeconds(5), () -> server.solo().openConnections() <= before,
                () -> "connections closed");
    }

    @Test
    void cgiScriptsSeeTheProtocolAndTheCipherConscryptNegotiated() throws Exception {
        String env = curl(0, "https://localhost:" + port() + "/cgi-bin/env.sh");
        assertTrue(env.contains("\nHTTPS=on\n"), env);
        assertTrue(env.contains("\nSSL_PROTOCOL=TLSv1.3\n"), env);
        assertTrue(env.contains("\nSSL_CIPHER=TLS_AES_"), env);
        assertTrue(env.contains("\nSSL_TLS_SNI=localhost\n"), env);
        assertTrue(env.contains("\nSSL_CLIENT_VERIFY=NONE\n"), env);
    }

    @Test
    void anOptionalClientCertificateIsVerifiedAndAnUntrustedOneReportedAsFailed() throws Exception {
        String[] aliceKeys = clientCertificate("alice");
        String alice = curl(0, aliceKeys[0], aliceKeys[1], aliceKeys[2], aliceKeys[3],
                "https://localhost:" + port() + "/cgi-bin/env.sh");
        assertTrue(alice.contains("\nSSL_CLIENT_VERIFY=SUCCESS\n"), alice);
        assertTrue(alice.contains("\nSSL_CLIENT_S_DN=CN=alice,O=Solo Tests\n"), alice);
        String[] stranger = clientCertificate("stranger");
        String env = curl(0, stranger[0], stranger[1], stranger[2], stranger[3],
                "https://localhost:" + port() + "/cgi-bin/env.sh");
        assertTrue(env.contains("\nSSL_CLIENT_VERIFY=FAILED:"), env);
        assertTrue(env.contains("\nSSL_CLIENT_S_DN=CN=stranger\n"), env);
    }

    @Test
    void aRequiredClientCertificateIsEnforcedWithTheConfiguredTls12Cipher() throws Exception {
        String url = "https://localhost:" + server.port(1) + "/cgi-bin/env.sh";
        String without = curl(1, url);
        assertFalse(without.contains("SSL_PROTOCOL"), without);
        assertFalse(without.endsWith("exit=0"), without);
        String[] stranger = clientCertificate("stranger");
        String refused = curl(1, stranger[0], stranger[1], stranger[2], stranger[3], url);
        assertFalse(refused.contains("SSL_PROTOCOL"), refused);
        String[] alice = clientCertificate("alice");
        String env = curl(1, alice[0], alice[1], alice[2], alice[3], url);
        assertTrue(env.contains("\nSSL_CLIENT_VERIFY=SUCCESS\n"), env);
        assertTrue(env.contains("\nSSL_PROTOCOL=TLSv1.2\n"), env);
        assertTrue(env.contains("\nSSL_CIPHER=TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384\n"), env);
    }

    @Test
    void anUnknownProviderNameIsAConfigErrorAtTheDirective() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> TestServer.start("ssl_provider bogus;\nserver { listen 127.0.0.1:0; }\n", Map.of()));
        String message = error.getMessage();
        assertTrue(message.contains(":1:14: ssl_provider bogus: no security provider of that name"), message);
        assertTrue(message.contains("installed: jdk, conscrypt"), message);
    }

    @Test
    void aSecondCertificateAndACipherConscryptLacksAreConfigErrorsAtTheirDirectives() throws Exception {
        Path keys = certificates.directory();
        ConfigException error = assertThrows(ConfigException.class, () -> TestServer.start("""
                ssl_provider conscrypt;
                server {
                    listen 127.0.0.1:0 ssl;
                    ssl_certificate {a_crt};
                    ssl_certificate_key {a_key};
                    ssl_certificate {b_crt};
                    ssl_certificate_key {b_key};
                    ssl_ciphers DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256;
                }
                """, Map.of("a_crt", keys.resolve("a.crt"), "a_key", keys.resolve("a.key"),
                "b_crt", keys.resolve("b.crt"), "b_key", keys.resolve("b.key"))));
        String message = error.getMessage();
        assertTrue(message.contains(":6:5: a second ssl_certificate in this server: with ssl_provider conscrypt each"
                + " server has one certificate"), message);
        assertTrue(message.contains(":8:17: unknown or unsupported cipher 'DHE-RSA-AES128-GCM-SHA256' in ssl_ciphers"
                + " (by ssl_provider conscrypt)"), message);
    }

    @Test
    void aReloadServesTheRenewedCertificateFile() throws Exception {
        Path keys = certificates.directory();
        Path live = Files.createDirectories(directory.resolve("live"));
        Files.copy(keys.resolve("a.crt"), live.resolve("cert.pem"));
        Files.copy(keys.resolve("a.key"), live.resolve("key.pem"));
        try (TestServer reloading = TestServer.start("""
                ssl_provider conscrypt;
                server {
                    listen 127.0.0.1:0 ssl;
                    ssl_certificate {crt};
                    ssl_certificate_key {key};
                    root {root};
                }
                """, Map.of("crt", live.resolve("cert.pem"), "key", live.resolve("key.pem"),
                "root", directory.resolve("b")))) {
            List<String> subject = List.of(Programs.require("openssl", "openssl").toString(), "s_client",
                    "-connect", "127.0.0.1:" + reloading.port(), "-brief");
            assertTrue(TlsClients.run(subject).contains("CN = a.test"));
            // certbot's renewal: new files under the same names, then SIGHUP (here the reload it triggers).
            Files.copy(keys.resolve("b.crt"), live.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(keys.resolve("b.key"), live.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
            reloading.solo().reload();
            Poll.until(Duration.ofSeconds(10), () -> TlsClients.run(subject).contains("CN = b.test"),
                    () -> "the renewed certificate after the reload");
        }
    }

    @Test
    void connectionsCutWithoutCloseNotifyGiveBackConscryptsDescriptors() throws Exception {
        // Each Conscrypt connection holds a pipe (two descriptors) until its engine is closed both ways; before the
        // fix these stayed until a garbage collection finalized the engines.
        long before = pipes();
        List<Socket> cut = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
            SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                    .createSocket(plain, "a.test", port(), false);
            socket.startHandshake();
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: a.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(socket.getInputStream().read() >= 0);
            cut.add(plain);
        }
        for (Socket plain : cut) {
            plain.setSoLinger(true, 0); // a reset: no close_notify, no FIN
            plain.close();
        }
        Poll.until(Duration.ofSeconds(10), () -> pipes() <= before + 2, () -> "pipes back to " + before);
    }

    private static long pipes() throws java.io.IOException {
        try (java.util.stream.Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(d -> {
                try {
                    return Files.readSymbolicLink(d).toString().startsWith("pipe:");
                } catch (java.io.IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }

    @Test
    void aTls13ClientResumesWithTheTicketItWasGiven() throws Exception {
        // Conscrypt's engines issue no ticket unless its module asks them to; without one nothing is resumed.
        Path session = directory.resolve("tls13.session");
        String first = sClientRequest("-tls1_3", "-sess_out", session.toString());
        assertTrue(first.contains("New, TLSv1.3") && first.contains("HTTP/1.1 200 OK"), first);
        String second = sClientRequest("-tls1_3", "-sess_in", session.toString());
        assertTrue(second.contains("Reused, TLSv1.3") && second.contains("HTTP/1.1 200 OK"), second);
    }

    /** s_client sending one request that closes the connection, so that it reads what follows the handshake. */
    private static String sClientRequest(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Programs.require("openssl", "openssl").toString(),
                "s_client", "-connect", "127.0.0.1:" + port(), "-CAfile", certificates.ca().toString(),
                "-servername", "a.test", "-ign_eof"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write("GET / HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running: " + command);
        return output;
    }

    @Test
    void sessionTicketsOffIsAConfigErrorWithConscrypt() {
        Path keys = certificates.directory();
        ConfigException error = assertThrows(ConfigException.class, () -> TestServer.start("""
                ssl_provider conscrypt;
                ssl_session_tickets off;
                server {
                    listen 127.0.0.1:0 ssl;
                    ssl_certificate {crt};
                    ssl_certificate_key {key};
                }
                """, Map.of("crt", keys.resolve("a.crt"), "key", keys.resolve("a.key"))));
        assertTrue(error.getMessage().contains(":2:1: ssl_session_tickets off needs ssl_provider jdk"),
                error.getMessage());
    }

    private static SSLSocket openTls(String serverName) throws Exception {
        return TlsClients.openTls(certificates.clientContext(), port(), serverName);
    }
}
