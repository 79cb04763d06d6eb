package dev.solo.http.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.DirectiveRegistry;
import dev.solo.http.internal.files.StaticFilesProvider;
import dev.solo.http.internal.handlers.ReturnProvider;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void site() throws Exception {
        Files.createDirectories(dir.resolve("www/errors"));
        Files.writeString(dir.resolve("www/errors/404.html"), "custom");
    }

    private Site build(String text) throws ConfigException {
        ConfigDocument doc = ConfigParser.parse(text, dir.resolve("t.conf"));
        DirectiveRegistry.of(List.of(new HttpDirectives())).validate(doc);
        return new SiteBuilder(List.of(new StaticFilesProvider(), new ReturnProvider()), null).build(doc);
    }

    private ConfigException failure(String text) {
        return assertThrows(ConfigException.class, () -> build(text));
    }

    private static String only(ConfigException e) {
        assertEquals(1, e.errors().size(), e.getMessage());
        return e.errors().get(0).toString();
    }

    @Test
    void groupsServersByAddressWithTheFirstAsDefault() throws Exception {
        Site site = build("""
                server { listen 127.0.0.1:0; server_name a.test; root www; }
                server { listen 127.0.0.1:0; server_name b.test; root www; }
                server { listen 127.0.0.2:0; server_name c.test; root www; }
                """);
        assertEquals(2, site.bindings().size());
        assertEquals(List.of("a.test"), site.bindings().get(0).hosts().defaultServer().names());
        assertEquals(List.of("b.test"), site.bindings().get(0).hosts().select("B.test").names());
    }

    @Test
    void aServerWithoutLocationSlashGetsOneFromItsOwnSettings() throws Exception {
        Site site = build("server { listen 127.0.0.1:0; root www; autoindex on; location = /x { return 204; } }");
        RouteLocation root = site.bindings().get(0).hosts().defaultServer().locations().match("/anything");
        assertEquals("/", root.prefix());
        assertTrue(root.autoindex());
    }

    @Test
    void locationsInheritFromTheServerAndOverride() throws Exception {
        Site site = build("""
                server {
                    listen 127.0.0.1:0; root www; client_max_body_size 2k; index home.html;
                    location /up/ { client_max_body_size 10m; }
                }
                """);
        var locations = site.bindings().get(0).hosts().defaultServer().locations();
        assertEquals(10 * 1024 * 1024, locations.match("/up/x").maxBodySize());
        assertEquals(2048, locations.match("/").maxBodySize());
        assertEquals(List.of("home.html"), locations.match("/up/x").indexFiles());
    }

    @Test
    void reportsADuplicateLocationAtTheSecondWithTheFirstLine() {
        assertEquals("t.conf:3:5: duplicate location '/a/' (first at line 2)".replace("t.conf", dir.resolve("t.conf")
                .toString()), only(failure("""
                server { listen 127.0.0.1:0; root www;
                    location /a/ { }
                    location /a/ { }
                }
                """)));
    }

    @Test
    void reportsTheSameListenTwiceInOneServer() {
        assertTrue(only(failure("server { listen 127.0.0.1:8080; listen 127.0.0.1:8080; root www; }"))
                .endsWith(":1:33: duplicate listen 127.0.0.1:8080 in this server (first at line 1)"));
    }

    @Test
    void reportsOverlappingServerNamesOnOneAddress() {
        assertTrue(only(failure("""
                server { listen 127.0.0.1:8080; server_name a.test; root www; }
                server { listen 127.0.0.1:8080; server_name A.test; root www; }
                """)).contains(":2:10: server_name 'a.test' on 127.0.0.1:8080 is already used by the server at "));
    }

    @Test
    void reportsTwoDefaultServersOnOneAddress() {
        assertTrue(only(failure("""
                server { listen 127.0.0.1:8080 default_server; server_name a; root www; }
                server { listen 127.0.0.1:8080 default_server; server_name b; root www; }
                """)).contains(":2:10: a second default_server for 127.0.0.1:8080"));
    }

    @Test
    void reportsAnUnknownMethodAtItsArgument() {
        assertTrue(only(failure("server { listen 127.0.0.1:0; root www; location / { methods GET FETCH; } }"))
                .endsWith(":1:65: unknown or unsupported method 'FETCH'"));
    }

    @Test
    void reportsInvalidStatusCodes() {
        assertTrue(only(failure("server { listen 127.0.0.1:0; location / { return 999; } }"))
                .contains("status code 999 is not allowed here"));
        assertTrue(only(failure("server { listen 127.0.0.1:0; location / { return 30x /a; } }"))
                .contains("invalid status code '30x'"));
        assertTrue(only(failure("server { listen 127.0.0.1:0; location / { return 301; } }"))
                .contains("return 301 needs a URL"));
    }

    @Test
    void reportsAMissingErrorPageFile() {
        assertTrue(only(failure("server { listen 127.0.0.1:0; root www; error_page 500 /errors/500.html; }"))
                .contains(":1:55: error page '/errors/500.html' does not exist"));
    }

    @Test
    void acceptsAnExistingErrorPage() throws Exception {
        build("server { listen 127.0.0.1:0; root www; error_page 404 /errors/404.html; }");
    }

    @Test
    void reportsBadListenAddresses() {
        assertTrue(only(failure("server { listen 70000; root www; }")).contains("port 70000 is out of range"));
        assertTrue(only(failure("server { listen example.com:80; root www; }"))
                .contains("listen takes an IP address or 'localhost'"));
        assertTrue(only(failure("server { listen 80 backup; root www; }"))
                .contains("unknown listen parameter 'backup'"));
    }

    @Test
    void marksAnAddressReusePortWhenAnyOfItsListensSaysSo() throws Exception {
        Site site = build("""
                server { listen 127.0.0.1:0 default_server reuseport; server_name a.test; root www; }
                server { listen 127.0.0.1:0; server_name b.test; root www; }
                server { listen 127.0.0.2:0; server_name c.test; root www; }
                """);
        assertTrue(site.bindings().get(0).reusePort());
        assertEquals(List.of("a.test"), site.bindings().get(0).hosts().defaultServer().names());
        assertEquals(false, site.bindings().get(1).reusePort());
    }

    @Test
    void reportsARepeatedListenParameterAtItsArgument() {
        assertTrue(only(failure("server { listen 80 reuseport reuseport; root www; }"))
                .endsWith(":1:30: repeated listen parameter 'reuseport' (expected 'default_server', 'ssl' or 'reuseport')"));
    }

    @Test
    void oneSslListenMakesTheAddressTlsForEveryServerOnIt() throws Exception {
        List<String> configured = new java.util.ArrayList<>();
        dev.solo.http.spi.TlsProvider tls = new dev.solo.http.spi.TlsProvider() {
            @Override
            public ServerCredentials configure(dev.solo.config.Directive server,
                    java.util.function.Function<String, java.util.Optional<dev.solo.config.Directive>> inherited) {
                configured.add(server.position().toString());
                return new ServerCredentials() { };
            }

            @Override
            public dev.solo.core.spi.ConnectionFactory wrap(dev.solo.core.spi.ConnectionFactory plain,
                    java.util.function.Function<String, ServerCredentials> bySniName, long handshakeTimeoutMillis) {
                return plain;
            }
        };
        ConfigDocument doc = ConfigParser.parse("""
                server { listen 127.0.0.1:8443 ssl default_server; server_name a; root www; }
                server { listen 127.0.0.1:8443; server_name b; root www; }
                server { listen 127.0.0.1:8080; server_name c; root www; }
                """, dir.resolve("t.conf"));
        DirectiveRegistry.of(List.of(new HttpDirectives())).validate(doc);
        Site site = new SiteBuilder(List.of(new StaticFilesProvider()), null, tls).build(doc);
        assertEquals(2, site.bindings().get(0).tls().size(), "both servers on 8443 have credentials");
        assertEquals(null, site.bindings().get(1).tls(), "8080 stays plain");
        assertEquals(2, configured.size(), "the plain-only server loads no certificate: " + configured);
    }

    @Test
    void anSslListenWithoutTheTlsModuleIsAnErrorAtTheListen() {
        assertTrue(only(failure("server {\n listen 8443 ssl; root www; }"))
                .contains("t.conf:2:2: listen ... ssl needs the TLS module"));
        assertTrue(only(failure("server { listen 8443 ssl ssl; root www; }"))
                .contains("repeated listen parameter 'ssl'"));
    }

    @Test
    void reportsAServerWithoutListen() {
        assertTrue(only(failure("server { root www; }")).endsWith(":1:1: server block has no 'listen' directive"));
    }

    @Test
    void reportsANestedLocationOutsideItsParent() {
        assertTrue(only(failure("server { listen 127.0.0.1:0; root www; location /a/ { location /b/ { } } }"))
                .contains("location '/b/' is outside its enclosing location '/a/'"));
    }

    @Test
    void collectsErrorsFromSeveralServers() {
        ConfigException e = failure("""
                server { listen 127.0.0.1:0; location / { methods NOPE; } }
                server { root www; }
                """);
        assertEquals(2, e.errors().size());
    }

    @Test
    void anUnknownHandlerNameListsTheKnownOnes() {
        assertTrue(only(failure("server { listen 127.0.0.1:0; root www; location / { handler fancy; } }"))
                .contains("unknown handler 'fancy'; known: [return, static]"));
    }
}
