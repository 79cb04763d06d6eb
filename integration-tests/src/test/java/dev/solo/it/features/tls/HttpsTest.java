package dev.solo.it.features.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.Programs;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
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
 * One server with two TLS server blocks (a.test with an ECDSA and an RSA certificate, b.test with ECDSA only) and a
 * plain port, driven by curl, openssl s_client, the JDK's HttpClient and raw HTTP/1.1 over an SSLSocket.
 */
class HttpsTest {

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0 ssl;
                server_name a.test localhost;
                client_header_timeout 2s;
                ssl_certificate {a_ec_crt};
                ssl_certificate_key {a_ec_key};
                ssl_certificate {a_rsa_crt};
                ssl_certificate_key {a_rsa_key};
                root {a_root};
                location /uploads/ { upload on; client_max_body_size 10m; }
            }
            server {
                listen 127.0.0.1:0 ssl;
                server_name b.test;
                ssl_certificate {b_crt};
                ssl_certificate_key {b_key};
                root {b_root};
            }
            server {
                listen 127.0.0.2:0;
                server_name a.test;
                root {a_root};
            }
            """;

    @TempDir
    static Path directory;
    private static TestCertificates certificates;
    private static TestServer server;
    private static byte[] bigFile;

    @BeforeAll
    static void start() throws Exception {
        Path keys = Files.createDirectories(directory.resolve("keys"));
        certificates = TestCertificates.create(keys);
        certificates.server("a-ec", false, "traditional", "a.test", "localhost");
        certificates.server("a-rsa", true, "traditional", "a.test", "localhost");
        certificates.server("b", false, "pkcs8", "b.test");
        Path aRoot = Files.createDirectories(directory.resolve("a"));
        Path bRoot = Files.createDirectories(directory.resolve("b"));
        Files.createDirectories(aRoot.resolve("uploads"));
        Files.writeString(aRoot.resolve("index.html"), "site a\n");
        Files.writeString(bRoot.resolve("index.html"), "site b\n");
        bigFile = new byte[3 * 1024 * 1024 + 17];
        new Random(16).nextBytes(bigFile);
        Files.write(aRoot.resolve("big.bin"), bigFile);
        server = TestServer.start(CONFIG, Map.of(
                "a_ec_crt", keys.resolve("a-ec.crt"), "a_ec_key", keys.resolve("a-ec.key"),
                "a_rsa_crt", keys.resolve("a-rsa.crt"), "a_rsa_key", keys.resolve("a-rsa.key"),
                "b_crt", keys.resolve("b.crt"), "b_key", keys.resolve("b.key"),
                "a_root", aRoot, "b_root", bRoot));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static int tlsPort() {
        return server.port(0);
    }

    private static String curl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Programs.require("curl", "curl").toString(), "-sS",
                "--max-time", "10", "--cacert", certificates.ca().toString(),
                "--resolve", "a.test:" + tlsPort() + ":127.0.0.1", "--resolve", "b.test:" + tlsPort() + ":127.0.0.1"));
        command.addAll(List.of(arguments));
        return TlsClients.run(command);
    }

    private static String sClient(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Programs.require("openssl", "openssl").toString(),
                "s_client", "-connect", "127.0.0.1:" + tlsPort(), "-CAfile", certificates.ca().toString()));
        command.addAll(List.of(arguments));
        return TlsClients.run(command);
    }

    @Test
    void curlGetsEachServerWithTheCertificateOfTheNameItAsked() throws Exception {
        String a = curl("https://a.test:" + tlsPort() + "/");
        String b = curl("https://b.test:" + tlsPort() + "/");
        assertTrue(a.startsWith("site a\n") && a.endsWith("exit=0"), a);
        assertTrue(b.startsWith("site b\n") && b.endsWith("exit=0"), b);
    }

    @Test
    void sniChoosesTheCertificateAndAClientWithoutSniGetsTheDefaultServers() throws Exception {
        assertTrue(sClient("-servername", "b.test", "-brief").contains("CN = b.test"));
        assertTrue(sClient("-servername", "a.test", "-brief").contains("CN = a.test"));
        assertTrue(sClient("-noservername", "-brief").contains("CN = a.test"));
    }

    @Test
    void theClientsSignatureAlgorithmsChooseBetweenTheRsaAndTheEcdsaCertificate() throws Exception {
        String rsa = sClient("-servername", "a.test", "-sigalgs", "rsa_pss_rsae_sha256", "-brief");
        String ecdsa = sClient("-servername", "a.test", "-sigalgs", "ecdsa_secp256r1_sha256", "-brief");
        assertTrue(rsa.contains("Signature type: RSA-PSS"), rsa);
        assertTrue(ecdsa.contains("Signature type: ECDSA"), ecdsa);
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
            assertTrue(refused.contains("alert protocol version"), refused);
        }
    }

    @Test
    void aTls12RenegotiationIsRefusedByClosingTheConnection() throws Exception {
        // "R" asks s_client to renegotiate. Its input stays open, so it only exits when the server closes.
        Process process = new ProcessBuilder(Programs.require("openssl", "openssl").toString(), "s_client",
                "-connect", "127.0.0.1:" + tlsPort(), "-tls1_2", "-CAfile", certificates.ca().toString())
                .redirectErrorStream(true).start();
        try {
            process.getOutputStream().write("R\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server did not close the renegotiating connection");
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(output.contains("RENEGOTIATING") && output.contains("closed"), output);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void alpnAnswersHttp11AndIgnoresH2Only() throws Exception {
        assertTrue(sClient("-alpn", "h2,http/1.1").contains("ALPN protocol: http/1.1"));
        String h2only = sClient("-alpn", "h2");
        assertTrue(h2only.contains("No ALPN negotiated"), h2only);
    }

    @Test
    void jdkHttpClientDownloadsAndUploadsByteExactOverOneConnection() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(certificates.clientContext())
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI base = URI.create("https://localhost:" + tlsPort());
        HttpResponse<byte[]> download = client.send(HttpRequest.newBuilder(base.resolve("/big.bin")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(bigFile, download.body());
        HttpResponse<String> upload = client.send(HttpRequest.newBuilder(base.resolve("/uploads/copy.bin"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bigFile)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, upload.statusCode(), upload.body());
        assertArrayEquals(bigFile, Files.readAllBytes(directory.resolve("a/uploads/copy.bin")));
    }

    @Test
    void aHostThatNamesAnotherServerThanTheSniIsMisdirected() throws Exception {
        String misdirected = curl("-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: b.test",
                "https://a.test:" + tlsPort() + "/");
        assertTrue(misdirected.startsWith("421"), misdirected);
        String same = curl("-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: localhost",
                "https://a.test:" + tlsPort() + "/");
        assertTrue(same.startsWith("200"), same);
    }

    @Test
    void plainHttpOnTheTlsPortGetsAReadable400() throws Exception {
        try (RawClient client = RawClient.connect(server.address(0))) {
            RawResponse response = client.send("GET / HTTP/1.1\r\nHost: a.test\r\n\r\n").readResponse();
            assertEquals(400, response.status());
            assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("plain HTTP request was sent"
                    + " to an HTTPS port"));
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void aTlsHandshakeOnThePlainPortIsClosedWithoutAnHttpAnswer() throws Exception {
        try (RawClient client = RawClient.connect(server.address(1))) {
            // The start of a ClientHello record: handshake, TLS 1.0 record version, a length.
            client.send(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03});
            assertEquals(0, client.readAll().length);
        }
    }

    @Test
    void rawPipelinedAndChunkedRequestsWorkOverTls() throws Exception {
        try (SSLSocket socket = openTls("a.test"); RawClient client = RawClient.over(socket)) {
            client.send("GET / HTTP/1.1\r\nHost: a.test\r\n\r\nGET /index.html HTTP/1.1\r\nHost: a.test\r\n\r\n"
                    + "PUT /uploads/chunked.txt HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            assertEquals("site a\n", new String(client.readResponse().body(), StandardCharsets.UTF_8));
            assertEquals("site a\n", new String(client.readResponse().body(), StandardCharsets.UTF_8));
            assertEquals(201, client.readResponse().status());
            assertEquals("hello world", Files.readString(directory.resolve("a/uploads/chunked.txt")));
            client.send("GET / HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n");
            assertEquals(200, client.readResponse().status());
            assertTrue(client.isClosedByServer());
        }
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
                assertNotEquals(-1, socket.getInputStream().read());
            }
        }
        dev.solo.it.features.support.Poll.until(Duration.ofSeconds(5),
                () -> server.solo().openConnections() <= before, () -> "connections closed");
    }

    @Test
    void aHandshakeThatNeverCompletesEndsWithTheHeaderTimeout() throws Exception {
        try (RawClient client = RawClient.connect(server.address(0))) {
            client.send(new byte[] {0x16, 0x03, 0x01});  // a record header, and then nothing
            long start = System.nanoTime();
            assertTrue(client.isClosedByServer());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 1000 && millis < 5000, "closed after " + millis + " ms");
        }
    }

    @Test
    void anUploadCutWithoutCloseNotifyLeavesNoFileAndTheServerServing() throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", tlsPort()), 5000);
        SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket(plain, "a.test", tlsPort(), false);
        socket.startHandshake();
        socket.getOutputStream().write(("PUT /uploads/cut.bin HTTP/1.1\r\nHost: a.test\r\nContent-Length: 100000\r\n"
                + "\r\n" + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        plain.close(); // the TCP connection ends without close_notify: a truncation as TLS sees it
        assertEquals("site a\n", curl("https://a.test:" + tlsPort() + "/").replace("\nexit=0", ""));
        dev.solo.it.features.support.Poll.until(Duration.ofSeconds(5),
                () -> !Files.exists(directory.resolve("a/uploads/cut.bin")), () -> "no partial upload");
    }

    private static SSLSocket openTls(String serverName) throws Exception {
        return TlsClients.openTls(certificates.clientContext(), tlsPort(), serverName);
    }
}
