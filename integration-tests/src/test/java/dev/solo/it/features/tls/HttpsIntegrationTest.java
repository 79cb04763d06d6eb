package dev.solo.it.features.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.Programs;
import dev.solo.it.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes with HTTPS beyond serving files: the CGI environment (mod_ssl's names), client certificates with
 * {@code ssl_verify_client optional} and {@code on}, and the session cookie made {@code Secure}.
 */
class HttpsIntegrationTest {

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0 ssl;
                server_name localhost;
                ssl_certificate {crt};
                ssl_certificate_key {key};
                ssl_client_certificate {ca};
                ssl_verify_client optional;
                root {root};
                location /cgi-bin/ { cgi .sh bash; }
                location /session/ { session_demo on; }
            }
            server {
                listen 127.0.0.2:0 ssl;
                server_name localhost;
                ssl_certificate {crt};
                ssl_certificate_key {key};
                ssl_client_certificate {ca};
                ssl_verify_client on;
                ssl_protocols TLSv1.2;
                root {root};
                location /cgi-bin/ { cgi .sh bash; }
            }
            server {
                listen 127.0.0.3:0 ssl;
                server_name public.test;
                ssl_certificate {crt};
                ssl_certificate_key {key};
                root {root};
            }
            server {
                listen 127.0.0.3:0 ssl;
                server_name localhost;
                ssl_certificate {crt};
                ssl_certificate_key {key};
                ssl_client_certificate {ca};
                ssl_verify_client on;
                root {root};
                location /cgi-bin/ { cgi .sh bash; }
            }
            """;

    @TempDir
    static Path directory;
    private static TestCertificates certificates;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Programs.require("bash", "bash");
        Path keys = Files.createDirectories(directory.resolve("keys"));
        certificates = TestCertificates.create(keys);
        certificates.server("server", false, "pkcs8", "localhost");
        certificates.client("alice", "alice");
        certificates.selfSigned("stranger", "stranger");
        Path root = Files.createDirectories(directory.resolve("www"));
        Path script = Files.createDirectories(root.resolve("cgi-bin")).resolve("env.sh");
        Files.writeString(script, "printf 'Content-Type: text/plain\\r\\n\\r\\n'\nenv | sort\n");
        server = TestServer.start(CONFIG, Map.of("crt", keys.resolve("server.crt"), "key", keys.resolve("server.key"),
                "ca", certificates.ca(), "root", root));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String curl(int index, String path, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Programs.require("curl", "curl").toString(), "-sS", "-i",
                "--max-time", "10", "--cacert", certificates.ca().toString(),
                "--resolve", "localhost:" + server.port(index) + ":" + server.address(index).getHostString()));
        command.addAll(List.of(options));
        command.add("https://localhost:" + server.port(index) + path);
        return TlsClients.run(command);
    }

    private String[] clientCertificate(String name) {
        Path keys = certificates.directory();
        return new String[] {"--cert", keys.resolve(name + ".crt").toString(), "--key",
            keys.resolve(name + ".key").toString()};
    }

    @Test
    void cgiScriptsSeeHttpsTheProtocolAndTheCipher() throws Exception {
        String env = curl(0, "/cgi-bin/env.sh");
        assertTrue(env.contains("\nHTTPS=on\n"), env);
        assertTrue(env.contains("\nREQUEST_SCHEME=https\n"), env);
        assertTrue(env.contains("\nSSL_PROTOCOL=TLSv1.3\n"), env);
        assertTrue(env.contains("\nSSL_CIPHER=TLS_AES_"), env);
        assertTrue(env.contains("\nSSL_TLS_SNI=localhost\n"), env);
        assertTrue(env.contains("\nSSL_CLIENT_VERIFY=NONE\n"), env);
        assertFalse(env.contains("SSL_CLIENT_S_DN"), env);
    }

    @Test
    void anOptionalClientCertificateIsVerifiedAndPassedToScripts() throws Exception {
        String env = curl(0, "/cgi-bin/env.sh", clientCertificate("alice"));
        assertTrue(env.contains("\nSSL_CLIENT_VERIFY=SUCCESS\n"), env);
        assertTrue(env.contains("\nSSL_CLIENT_S_DN=CN=alice,O=Solo Tests\n"), env);
    }

    @Test
    void anUntrustedOptionalClientCertificateIsPassedAsFailed() throws Exception {
        String env = curl(0, "/cgi-bin/env.sh", clientCertificate("stranger"));
        assertTrue(env.startsWith("HTTP/1.1 200"), env);
        assertTrue(env.contains("\nSSL_CLIENT_VERIFY=FAILED:"), env);
        assertTrue(env.contains("\nSSL_CLIENT_S_DN=CN=stranger\n"), env);
    }

    @Test
    void aRequiredClientCertificateIsEnforcedAtTheHandshake() throws Exception {
        String without = curl(1, "/cgi-bin/env.sh");
        assertFalse(without.contains("HTTP/1.1"), without);
        assertFalse(without.endsWith("exit=0"), without);
        String stranger = curl(1, "/cgi-bin/env.sh", clientCertificate("stranger"));
        assertFalse(stranger.contains("HTTP/1.1"), stranger);
        String alice = curl(1, "/cgi-bin/env.sh", clientCertificate("alice"));
        assertTrue(alice.contains("\nSSL_CLIENT_VERIFY=SUCCESS\n"), alice);
        assertTrue(alice.contains("\nSSL_PROTOCOL=TLSv1.2\n"), alice);
    }

    /** A client that leaves SNI out gets the default server's handshake, which asked for no certificate. */
    private static String withoutSni(String host, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("-k", "-H", "Host: " + host));
        command.addAll(List.of(options));
        String url = "https://" + server.address(2).getHostString() + ":" + server.port(2) + "/cgi-bin/env.sh";
        return curlRaw(command, url);
    }

    private static String curlRaw(List<String> options, String url) throws Exception {
        List<String> command = new ArrayList<>(List.of(Programs.require("curl", "curl").toString(), "-sS", "-i",
                "--max-time", "10"));
        command.addAll(options);
        command.add(url);
        return TlsClients.run(command);
    }

    @Test
    void aServerThatRequiresClientCertificatesCannotBeReachedWithoutSni() throws Exception {
        // Host names the server with ssl_verify_client on; the handshake (no SNI) was the default server's.
        String bypass = withoutSni("localhost");
        assertTrue(bypass.startsWith("HTTP/1.1 421"), bypass);
        assertFalse(bypass.contains("SSL_CLIENT_VERIFY"), bypass);
        // The default server, which verifies nobody, still answers a client without SNI (its root has the script
        // as a plain file: no CGI there).
        String open = withoutSni("public.test");
        assertTrue(open.startsWith("HTTP/1.1 200"), open);
        assertTrue(open.contains("env | sort"), open);
    }

    @Test
    void theSessionCookieIsSecureOverHttps() throws Exception {
        String response = curl(0, "/session/");
        String cookie = response.lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie:", 0, 11)).findFirst()
                .orElseThrow(() -> new AssertionError(response));
        assertTrue(cookie.contains("; Secure"), cookie);
    }
}
