package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.core.BindFailure;
import dev.solo.it.support.TestServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong config or an address in use is reported with where it is, before anything is served. */
class ConfigErrorsTest {

    private static final Pattern POSITION = Pattern.compile("solo\\.conf:(\\d+):(\\d+): (.+)");

    @TempDir
    Path site;

    private static ConfigException rejected(String config, Map<String, ?> values) {
        return assertThrows(ConfigException.class, () -> TestServer.start(config, values).close());
    }

    /** Asserts that some line of the message is {@code ...solo.conf:LINE:COL: ...} and mentions {@code word}. */
    private static void assertReported(ConfigException e, int line, int column, String word) {
        Matcher matcher = POSITION.matcher(e.getMessage());
        boolean found = false;
        while (matcher.find()) {
            found |= Integer.parseInt(matcher.group(1)) == line && Integer.parseInt(matcher.group(2)) == column
                    && matcher.group(3).contains(word);
        }
        assertTrue(found, "expected an error at solo.conf:" + line + ":" + column + " mentioning '" + word
                + "', got:\n" + e.getMessage());
    }

    @Test
    @DisplayName("an unknown directive is reported as file:line:col")
    void reportsUnknownDirective() {
        ConfigException e = rejected("""
                server {
                    listen 127.0.0.1:0;
                    lisen 127.0.0.1:0;
                }
                """, Map.of());
        assertReported(e, 3, 5, "lisen");
    }

    @Test
    @DisplayName("a missing ';' is reported with its position")
    void reportsMissingSemicolon() {
        ConfigException e = rejected("""
                server {
                    listen 127.0.0.1:0;
                    root {root}
                }
                """, Map.of("root", site));
        assertTrue(POSITION.matcher(e.getMessage()).find(), e.getMessage());
        assertTrue(e.getMessage().contains(";"), "the message names the missing ';': " + e.getMessage());
    }

    @Test
    @DisplayName("an unclosed block is reported with a position")
    void reportsUnclosedBlock() {
        ConfigException e = rejected("server {\n    listen 127.0.0.1:0;\n", Map.of());
        assertTrue(e.getMessage().contains("solo.conf:"), e.getMessage());
    }

    @Test
    @DisplayName("several errors are reported together, each with its line")
    void reportsEveryError() {
        ConfigException e = rejected("""
                server {
                    listen 127.0.0.1:0;
                    colour blue;
                    flavour sweet;
                }
                """, Map.of());
        assertReported(e, 3, 5, "colour");
        assertReported(e, 4, 5, "flavour");
    }

    @Test
    @DisplayName("a root that does not exist is refused at start, naming it")
    void reportsMissingRoot() {
        Path missing = site.resolve("not-there");
        ConfigException e = rejected("server {\n    listen 127.0.0.1:0;\n    root {root};\n}\n",
                Map.of("root", missing));
        assertTrue(e.getMessage().contains("solo.conf:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("not-there"), e.getMessage());
    }

    @Test
    @DisplayName("an error_page whose file does not exist is refused at start")
    void reportsMissingErrorPage() {
        ConfigException e = rejected("server {\n    listen 127.0.0.1:0;\n    root {root};\n"
                + "    error_page 404 /errors/404.html;\n}\n", Map.of("root", site));
        assertTrue(e.getMessage().contains("solo.conf:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("/errors/404.html"), e.getMessage());
    }

    @Test
    @DisplayName("two servers claiming one name on one address are refused")
    void reportsDuplicateServerNames() {
        ConfigException e = rejected("""
                server { listen 127.0.0.1:0; server_name a.test; }
                server { listen 127.0.0.1:0; server_name a.test; }
                """, Map.of());
        assertTrue(e.getMessage().contains("a.test"), e.getMessage());
    }

    @Test
    @DisplayName("an address already in use fails the start with a BindFailure naming the address and the config line")
    void reportsAnAddressInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            BindFailure e = assertThrows(BindFailure.class,
                    () -> TestServer.start("server {\n    listen 127.0.0.1:" + port + ";\n}\n").close());
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertTrue(e.getMessage().contains("solo.conf:2:5"), e.getMessage());
        }
    }

    @Test
    @DisplayName("a failed start binds nothing: the addresses bound before the failing one are released")
    void releasesEarlierAddressesWhenOneFails() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
            free = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String config = "server { listen 127.0.0.2:" + free + "; }\nserver { listen 127.0.0.1:"
                    + taken.getLocalPort() + "; }\n";
            assertThrows(BindFailure.class, () -> TestServer.start(config).close());
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.2", free));
            assertTrue(again.isBound());
        }
    }
}
