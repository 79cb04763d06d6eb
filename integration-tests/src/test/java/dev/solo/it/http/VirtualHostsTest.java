package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Virtual hosts (RFC 9110 §7.2, §7.4): server names on a shared address, the default server, several addresses. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class VirtualHostsTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    @TempDir
    static Path temporary;
    private static Path base;
    private static Map<String, Path> roots;

    @BeforeParameterizedClassInvocation
    static void writeSites(Transport transport) throws Exception {
        base = Files.createDirectories(temporary.resolve(transport.name()));
        for (String name : new String[] {"first", "second", "wild", "third"}) {
            SiteFiles.write(base, name + "/index.html", "site " + name);
        }
        roots = Map.of("first", base.resolve("first"), "second", base.resolve("second"), "wild", base.resolve("wild"),
                "third", base.resolve("third"));
    }

    private static RawResponse get(TestServer server, int binding, String host) throws Exception {
        try (RawClient client = server.connect(binding)) {
            String hostLine = host == null ? "" : "Host: " + host + "\r\n";
            return client.send("GET / HTTP/1.1\r\n" + hostLine + "\r\n").readResponse();
        }
    }

    private static String siteFor(TestServer server, String host) throws Exception {
        RawResponse response = get(server, 0, host);
        assertEquals(200, response.status(), response::toString);
        return response.bodyText();
    }

    @ParameterizedTest(name = "Host: {0} -> {1}")
    @CsvSource({"first.test, site first", "second.test, site second", "alias.second.test, site second",
        "SECOND.test, site second", "second.test:8080, site second", "second.test., site second",
        "a.wild.test, site wild", "deep.a.wild.test, site wild", "wild.test, site first", "unknown.test, site first",
        "127.0.0.1, site first"})
    @DisplayName("RFC 9110 §7.2, §7.4: the Host field picks the server by name (any case, port ignored), "
            + "else the first server on the address")
    void selectsTheServerByHost(String host, String site) throws Exception {
        try (TestServer server = TestServer.start(transport, """
                server { listen 127.0.0.1:0; server_name first.test; root {first}; }
                server { listen 127.0.0.1:0; server_name second.test alias.second.test; root {second}; }
                server { listen 127.0.0.1:0; server_name *.wild.test; root {wild}; }
                """, roots)) {
            assertEquals(1, server.addresses().size(), "one address, one binding");
            assertEquals(site, siteFor(server, host));
        }
    }

    @ParameterizedTest(name = "SNI {0}, Host: {1} -> {2}")
    @CsvSource({"second.test, alias.second.test, site second", "a.wild.test, a.wild.test, site wild",
        "unknown.test, first.test, site first", "FIRST.test, first.test:443, site first"})
    @DisplayName("RFC 6066 §3, RFC 9110 §15.5.20: over TLS, an SNI name that selects the same server as Host is "
            + "served by it")
    void servesTheServerThatSniAndHostAgreeOn(String serverName, String host, String site) throws Exception {
        // The other tests send no SNI, as a client dialling an address; a name that disagrees gets 421 (HttpsTest).
        assumeTrue(transport == Transport.TLS, "SNI is TLS's");
        try (TestServer server = TestServer.start(transport, """
                server { listen 127.0.0.1:0; server_name first.test; root {first}; }
                server { listen 127.0.0.1:0; server_name second.test alias.second.test; root {second}; }
                server { listen 127.0.0.1:0; server_name *.wild.test; root {wild}; }
                """, roots);
             RawClient client = server.connect(0, serverName)) {
            RawResponse response = client.send("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").readResponse();
            assertEquals(200, response.status(), response::toString);
            assertEquals(site, response.bodyText());
        }
    }

    @Test
    @DisplayName("RFC 9110 §7.4: default_server makes a later server the one for unknown hosts")
    void honoursDefaultServer() throws Exception {
        try (TestServer server = TestServer.start(transport, """
                server { listen 127.0.0.1:0; server_name first.test; root {first}; }
                server { listen 127.0.0.1:0 default_server; server_name second.test; root {second}; }
                """, roots)) {
            assertEquals("site second", siteFor(server, "unknown.test"));
            assertEquals("site first", siteFor(server, "first.test"));
        }
    }

    @Test
    @DisplayName("RFC 9112 §3.2: an HTTP/1.0 request without Host goes to the default server")
    void sendsHostlessRequestsToTheDefault() throws Exception {
        try (TestServer server = TestServer.start(transport, """
                server { listen 127.0.0.1:0; server_name first.test; root {first}; }
                server { listen 127.0.0.1:0 default_server; server_name second.test; root {second}; }
                """, roots);
             RawClient client = server.connect()) {
            assertEquals("site second", client.send("GET / HTTP/1.0\r\n\r\n").readResponse().bodyText());
        }
    }

    @Test
    @DisplayName("two addresses serve two sites, each with its own default")
    void servesTwoAddresses() throws Exception {
        try (TestServer server = TestServer.start(transport, """
                server { listen 127.0.0.1:0; server_name shared.test; root {first}; }
                server { listen 127.0.0.2:0; server_name shared.test; root {second}; }
                """, roots)) {
            assertEquals(2, server.addresses().size());
            assertNotEquals(server.address(0), server.address(1));
            assertEquals("site first", get(server, 0, "shared.test").bodyText());
            assertEquals("site second", get(server, 1, "shared.test").bodyText());
            assertEquals("site second", get(server, 1, "other.test").bodyText());
            HttpResponse<String> viaClient = server.get("/");
            assertEquals("site first", viaClient.body());
        }
    }

    @Test
    @DisplayName("one server listening on two addresses serves the same site on both")
    void servesOneSiteOnTwoAddresses() throws Exception {
        try (TestServer server = TestServer.start(transport, """
                server { listen 127.0.0.1:0; listen 127.0.0.2:0; root {third}; }
                """, roots)) {
            assertEquals("site third", get(server, 0, "x").bodyText());
            assertEquals("site third", get(server, 1, "x").bodyText());
        }
    }

    @Test
    @DisplayName("RFC 9110 §7.4: a server name on one address does not capture requests on another")
    void keepsNamesPerAddress() throws Exception {
        try (TestServer server = TestServer.start(transport, """
                server { listen 127.0.0.1:0; root {first}; }
                server { listen 127.0.0.2:0; root {third}; }
                server { listen 127.0.0.2:0; server_name second.test; root {second}; }
                """, roots)) {
            assertEquals("site first", get(server, 0, "second.test").bodyText());
            assertEquals("site second", get(server, 1, "second.test").bodyText());
            assertEquals("site third", get(server, 1, "first.test").bodyText());
        }
    }
}
