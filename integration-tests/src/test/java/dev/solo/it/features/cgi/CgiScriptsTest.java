package dev.solo.it.features.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.GeneratedContent;
import dev.solo.it.support.Http;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.TestTls;
import dev.solo.it.support.Transport;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CGI/1.1 scripts (RFC 3875) in Python, Perl, bash and PHP through the real server: what they are told in their
 * environment, what they read on standard input, and how what they print becomes the response.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class CgiScriptsTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    /** The meta-variables the server sets itself (RFC 3875 §4.1 and the usual extensions). */
    private static final Set<String> CGI_VARIABLES = Set.of("AUTH_TYPE", "CONTENT_LENGTH", "CONTENT_TYPE",
            "GATEWAY_INTERFACE", "PATH_INFO", "PATH_TRANSLATED", "QUERY_STRING", "REMOTE_ADDR", "REMOTE_HOST",
            "REMOTE_PORT", "REMOTE_IDENT", "REMOTE_USER", "REQUEST_METHOD", "SCRIPT_NAME", "SERVER_NAME",
            "SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE", "SCRIPT_FILENAME", "DOCUMENT_ROOT", "REQUEST_URI",
            "REDIRECT_STATUS");

    @TempDir
    static Path temporary;
    private static Path site;

    private static Path cgiBin;
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        site = Files.createDirectories(temporary.resolve(transport.name()));
        cgiBin = CgiSite.install(site);
        server = CgiSite.start(transport, site, "10s", 16);
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("a Python script runs (the demo's env.py)")
    void runsPython() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/env.py");
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElse(null));
        assertTrue(response.body().contains("<h1>CGI environment</h1>"), response::body);
    }

    @Test
    @DisplayName("a Perl script runs in its own directory and reads a file by relative path (RFC 3875 §7.2)")
    void runsPerlInTheScriptDirectory() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/readfile.pl");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("Solo CGI demo data."), response::body);
    }

    @Test
    @DisplayName("RFC 3875 §7.2: the current directory of a script is its own directory")
    void runsScriptsInTheirDirectory() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/cwd.py");
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(cgiBin.toRealPath().toString(), response.body().strip());
    }

    @Test
    @DisplayName("a bash script runs and sees PATH_INFO and QUERY_STRING (the demo's pathinfo.sh)")
    void runsBash() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/pathinfo.sh/users/7?sort=name");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("PATH_INFO: <code>/users/7</code>"), response::body);
        assertTrue(response.body().contains("QUERY_STRING: <code>sort=name</code>"), response::body);
    }

    @Test
    @DisplayName("a PHP script runs through php-cgi and sees the server's name (the demo's hello.php)")
    void runsPhp() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/hello.php");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("Hello from PHP"), response::body);
        assertTrue(response.body().contains("Served by Solo through\nCGI/1.1"), response::body);
    }

    @Test
    @DisplayName("RFC 3875 §4.3.3: HEAD runs the script but sends no body, and the connection stays usable")
    void answersHeadWithoutABody() throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse head = client.send("HEAD /cgi-bin/hello.sh HTTP/1.1\r\nHost: it.test\r\n\r\n")
                    .readHeadResponse();
            assertEquals(200, head.status(), head::toString);
            assertEquals("text/plain", head.header("Content-Type"), head::toString);
            RawResponse get = client.send("GET /cgi-bin/hello.sh HTTP/1.1\r\nHost: it.test\r\n\r\n")
                    .readResponse();
            assertEquals(200, get.status(), get::toString);
            assertEquals("hello from bash\n", get.bodyText(), "no body bytes of the HEAD came before this response");
        }
    }

    @Test
    @DisplayName("a script's 20 MB body reaches the client intact")
    void passesALargeOutputThrough() throws Exception {
        int length = 20_000_000;
        HttpResponse<byte[]> response = Http.client().send(Http.request(server.uri("/cgi-bin/big.py?" + length))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        byte[] expected = new byte[length];
        for (int i = 0; i < length; i++) {
            expected[i] = (byte) (i % 251);
        }
        assertEquals(length, response.body().length);
        assertEquals(GeneratedContent.sha256(expected), GeneratedContent.sha256(response.body()));
    }

    @Test
    @DisplayName("RFC 3875 §4.1.18: headers that could pose as others (Proxy, names with '_') do not become HTTP_*")
    void withholdsAmbiguousHeaders() throws Exception {
        HttpResponse<String> response = Http.send(Http.request(server.uri("/cgi-bin/vars.pl"))
                .header("Proxy", "http://evil.test/").header("X_Forwarded_For", "10.0.0.1")
                .header("Authorization", "Basic c2VjcmV0OnNlY3JldA==").GET().build());
        assertEquals(200, response.statusCode(), response::body);
        Map<String, String> env = CgiSite.variables(response.body());
        assertFalse(env.containsKey("HTTP_PROXY"), "httpoxy: " + env.get("HTTP_PROXY"));
        assertFalse(env.containsKey("HTTP_X_FORWARDED_FOR"), "a forged proxy header");
        assertFalse(env.containsKey("HTTP_AUTHORIZATION"), "credentials are withheld");
    }

    @Test
    @DisplayName("RFC 3875 §4.1: the script gets the request's meta-variables")
    void passesTheMetaVariables() throws Exception {
        HttpResponse<String> response = Http.send(Http.request(server.uri("/cgi-bin/vars.py/users/7?sort=name&x=1"))
                .header("X-Custom", "custom value").GET().build());
        assertEquals(200, response.statusCode(), response::body);
        Map<String, String> env = CgiSite.variables(response.body());
        assertEquals("GET", env.get("REQUEST_METHOD"), response::body);
        assertEquals("sort=name&x=1", env.get("QUERY_STRING"), response::body);
        assertEquals("/users/7", env.get("PATH_INFO"), response::body);
        assertEquals("/cgi-bin/vars.py", env.get("SCRIPT_NAME"), response::body);
        assertEquals("custom value", env.get("HTTP_X_CUSTOM"), response::body);
        assertEquals("127.0.0.1", env.get("REMOTE_ADDR"), response::body);
        assertEquals(Integer.toString(server.port()), env.get("SERVER_PORT"), response::body);
        assertEquals("CGI/1.1", env.get("GATEWAY_INTERFACE"), response::body);
        assertEquals("HTTP/1.1", env.get("SERVER_PROTOCOL"), response::body);
        assertFalse(env.containsKey("CONTENT_LENGTH"), "a GET without body has no CONTENT_LENGTH");
    }

    @Test
    @DisplayName("the server's own environment does not reach scripts, except PATH")
    void passesNoServerEnvironmentButPath() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/vars.pl");
        assertEquals(200, response.statusCode(), response::body);
        Map<String, String> env = CgiSite.variables(response.body());
        assertEquals(System.getenv("PATH"), env.get("PATH"), "PATH is passed so interpreters find their tools");
        Set<String> leaked = new HashSet<>();
        System.getenv().forEach((name, value) -> {
            if (!name.equals("PATH") && !CGI_VARIABLES.contains(name) && value.equals(env.get(name))) {
                leaked.add(name);
            }
        });
        assertTrue(leaked.isEmpty(), () -> "variables of the server's environment reached the script: " + leaked);
        assertFalse(env.containsKey("HOME"), response::body);
        assertFalse(env.containsKey("JAVA_HOME"), response::body);
    }

    @Test
    @DisplayName("RFC 3875 §4.2: a POST body with Content-Length reaches the script whole; CONTENT_LENGTH is its size")
    void feedsAPostBodyWithContentLength() throws Exception {
        GeneratedContent body = GeneratedContent.of(42, 300_000);
        HttpResponse<String> response = Http.send(Http.request(server.uri("/cgi-bin/echo.py"))
                .header("Content-Type", "application/octet-stream").POST(body.withContentLength()).build());
        assertEquals(200, response.statusCode(), response::body);
        Map<String, String> seen = CgiSite.variables(response.body());
        assertEquals("300000", seen.get("CONTENT_LENGTH"), response::body);
        assertEquals("application/octet-stream", seen.get("CONTENT_TYPE"), response::body);
        assertEquals("300000", seen.get("read"), response::body);
        assertEquals(body.sha256(), seen.get("sha256"), response::body);
    }

    @Test
    @DisplayName("RFC 3875 §4.1.2: a chunked POST body reaches the script decoded, CONTENT_LENGTH is the decoded size")
    void feedsAChunkedPostBody() throws Exception {
        GeneratedContent body = GeneratedContent.of(43, 250_001);
        HttpResponse<String> response = Http.send(Http.request(server.uri("/cgi-bin/echo.py"))
                .POST(body.chunked()).build());
        assertEquals(200, response.statusCode(), response::body);
        Map<String, String> seen = CgiSite.variables(response.body());
        assertEquals("250001", seen.get("CONTENT_LENGTH"), response::body);
        assertEquals("250001", seen.get("read"), response::body);
        assertEquals(body.sha256(), seen.get("sha256"), response::body);
    }

    @Test
    @DisplayName("RFC 3875 §6.2.2: Location with a local path is served by the server itself, the client sees no 3xx")
    void followsALocalRedirectInside() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/redirect.py");
        assertEquals(200, response.statusCode(), response::body);
        assertFalse(response.headers().firstValue("Location").isPresent(), () -> response.headers().map().toString());
        assertTrue(response.body().contains("<h1>CGI environment</h1>"), response::body);
        assertTrue(response.body().contains("/cgi-bin/env.py"), "the target ran as env.py");
    }

    @Test
    @DisplayName("RFC 3875 §6.2.3: Location with an absolute URL is a 302 to it")
    void redirectsTheClientToAnAbsoluteUrl() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/redirect.py?external=1");
        assertEquals(302, response.statusCode(), response::body);
        assertEquals("https://example.org/", response.headers().firstValue("Location").orElse(null));
    }

    @Test
    @DisplayName("RFC 3875 §6.3.3: Status: 404 is the response status, with the script's own body")
    void honoursTheStatusHeader() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/status.py");
        assertEquals(404, response.statusCode());
        assertEquals("no user 7 here, says the script", response.body().strip());
        assertFalse(response.headers().firstValue("Status").isPresent(), "Status is not sent on as a header");
    }

    @Test
    @DisplayName("every Set-Cookie line of a script reaches the client as its own field")
    void passesSetCookieThrough() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/cookies.py");
        assertEquals(200, response.statusCode(), response::body);
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertEquals(List.of("flavour=oatmeal; Path=/", "shape=round; Path=/; HttpOnly"), cookies);
    }

    @Test
    @DisplayName("a PHP script's cookie comes back on the next request (the demo's cookie.php)")
    void phpCookieMakesTheRoundTrip() throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager())
                .sslContext(TestTls.get().clientContext()).build();
        HttpResponse<String> first = browser.send(Http.request(server.uri("/cgi-bin/cookie.php")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), first::body);
        assertTrue(first.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("visits=1;")),
                () -> first.headers().map().toString());
        HttpResponse<String> second = browser.send(Http.request(server.uri("/cgi-bin/cookie.php")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(second.body().contains("<code>visits=2</code>"), second::body);
    }

    @Test
    @DisplayName("POST to the demo's form.py: the url-encoded fields come back on the page")
    void readsAUrlEncodedForm() throws Exception {
        HttpResponse<String> response = Http.send(Http.request(server.uri("/cgi-bin/form.py"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Ada&message=a+%3Cb%3E")).build());
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("<li><b>name</b> = Ada</li>"), response::body);
        assertTrue(response.body().contains("<li><b>message</b> = a &lt;b&gt;</li>"), response::body);
    }
}
