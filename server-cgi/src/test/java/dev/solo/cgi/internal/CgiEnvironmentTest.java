package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.solo.testing.handler.TestSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CgiEnvironmentTest {

    private static final Path ROOT = Path.of("/srv/site");
    private static final ScriptType PY = new ScriptType(".py", Path.of("/usr/bin/python3"));

    private final FakeRequest request = new FakeRequest();
    private final FakeLocation location = new FakeLocation(ROOT);
    private final ScriptMatch match = new ScriptMatch(ROOT.resolve("cgi-bin/app.py"), PY, "/cgi-bin/app.py",
            "/users/7");

    private static CgiSettings settings(Map<String, String> extraEnv) {
        return new CgiSettings(List.of(PY), Duration.ofSeconds(30), new ProcessSlots(1),
                CgiSettings.Queue.DEFAULT, extraEnv, "/usr/bin:/bin", Path.of("/tmp"), ProcessGroups.create());
    }

    private Map<String, String> build(long bodyLength, Optional<TestSession> session) {
        return CgiEnvironment.build(request, location, match, settings(Map.of()), bodyLength,
                session.map(s -> s));
    }

    @Test
    void setsExactlyTheProtocolVariablesForAGetWithoutHeaders() {
        request.path("/cgi-bin/app.py/users/7").query("a=1&b=%20");
        request.rawPath = "/cgi-bin/app.py/users/%37";
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("PATH", "/usr/bin:/bin"),
                Map.entry("GATEWAY_INTERFACE", "CGI/1.1"),
                Map.entry("PATH_INFO", "/users/7"),
                Map.entry("PATH_TRANSLATED", "/srv/site/users/7"),
                Map.entry("QUERY_STRING", "a=1&b=%20"),
                Map.entry("REMOTE_ADDR", "192.0.2.7"),
                Map.entry("REMOTE_HOST", "192.0.2.7"),
                Map.entry("REMOTE_PORT", "40000"),
                Map.entry("REQUEST_METHOD", "GET"),
                Map.entry("SCRIPT_NAME", "/cgi-bin/app.py"),
                Map.entry("SERVER_NAME", "example.test"),
                Map.entry("SERVER_PORT", "8080"),
                Map.entry("SERVER_PROTOCOL", "HTTP/1.1"),
                Map.entry("SERVER_SOFTWARE", "Solo"),
                Map.entry("SCRIPT_FILENAME", "/srv/site/cgi-bin/app.py"),
                Map.entry("DOCUMENT_ROOT", "/srv/site"),
                Map.entry("REQUEST_URI", "/cgi-bin/app.py/users/%37?a=1&b=%20"),
                Map.entry("REDIRECT_STATUS", "200"),
                Map.entry("REQUEST_SCHEME", "http")));
        assertEquals(expected, new TreeMap<>(build(-1, Optional.empty())));
    }

    @Test
    void aRequestOverTlsGetsModSslsVariables() {
        request.tls = new dev.solo.http.TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", "example.test",
                "CN=alice,O=Tests", "SUCCESS");
        Map<String, String> env = build(-1, Optional.empty());
        assertEquals("on", env.get("HTTPS"));
        assertEquals("https", env.get("REQUEST_SCHEME"));
        assertEquals("TLSv1.3", env.get("SSL_PROTOCOL"));
        assertEquals("TLS_AES_128_GCM_SHA256", env.get("SSL_CIPHER"));
        assertEquals("example.test", env.get("SSL_TLS_SNI"));
        assertEquals("CN=alice,O=Tests", env.get("SSL_CLIENT_S_DN"));
        assertEquals("SUCCESS", env.get("SSL_CLIENT_VERIFY"));
    }

    @Test
    void givesEmptyQueryStringWhenThereIsNone() {
        assertEquals("", build(-1, Optional.empty()).get("QUERY_STRING"));
        assertEquals("/", build(-1, Optional.empty()).get("REQUEST_URI"));
    }

    @Test
    void omitsPathTranslatedWithoutPathInfo() {
        ScriptMatch bare = new ScriptMatch(match.script(), PY, "/cgi-bin/app.py", "");
        Map<String, String> env = CgiEnvironment.build(request, location, bare, settings(Map.of()), -1,
                Optional.empty());
        assertEquals("", env.get("PATH_INFO"));
        assertFalse(env.containsKey("PATH_TRANSLATED"));
    }

    @Test
    void setsContentLengthAndTypeOnlyForABody() {
        request.body("POST", 5).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Content-Length", "5");
        Map<String, String> env = build(5, Optional.empty());
        assertEquals("5", env.get("CONTENT_LENGTH"));
        assertEquals("application/x-www-form-urlencoded", env.get("CONTENT_TYPE"));
        assertEquals("POST", env.get("REQUEST_METHOD"));
        assertFalse(build(-1, Optional.empty()).containsKey("CONTENT_LENGTH"));
    }

    @Test
    void reportsTheDecodedLengthOfAChunkedBody() {
        request.body("POST", -1).header("Transfer-Encoding", "chunked");
        assertEquals("42", build(42, Optional.empty()).get("CONTENT_LENGTH"));
    }

    @Test
    void mapsHeadersToHttpVariables() {
        request.header("Host", "example.test").header("User-Agent", "curl/8").header("X-Request-Id", "r1")
                .header("Accept", "text/html").header("accept", "text/plain")
                .header("Cookie", "a=1").header("Cookie", "b=2");
        Map<String, String> env = build(-1, Optional.empty());
        assertEquals("example.test", env.get("HTTP_HOST"));
        assertEquals("curl/8", env.get("HTTP_USER_AGENT"));
        assertEquals("r1", env.get("HTTP_X_REQUEST_ID"));
        assertEquals("text/html, text/plain", env.get("HTTP_ACCEPT"));
        assertEquals("a=1; b=2", env.get("HTTP_COOKIE"));
    }

    @Test
    void withholdsProxyCredentialsAndBodyHeaders() {
        request.body("POST", 3).header("Proxy", "http://evil:8080").header("Authorization", "Basic eDp5")
                .header("Proxy-Authorization", "Basic eDp5").header("Content-Type", "text/plain")
                .header("Content-Length", "3");
        Map<String, String> env = build(3, Optional.empty());
        assertFalse(env.containsKey("HTTP_PROXY"));
        assertFalse(env.containsKey("HTTP_AUTHORIZATION"));
        assertFalse(env.containsKey("HTTP_PROXY_AUTHORIZATION"));
        assertFalse(env.containsKey("HTTP_CONTENT_TYPE"));
        assertFalse(env.containsKey("HTTP_CONTENT_LENGTH"));
    }

    @Test
    void dropsHeaderNamesThatWouldCollideThroughUnderscores() {
        request.header("X_Forwarded_For", "forged");
        assertFalse(build(-1, Optional.empty()).containsKey("HTTP_X_FORWARDED_FOR"));
    }

    @Test
    void leaksNothingOfTheServerEnvironmentButPath() {
        Map<String, String> env = build(-1, Optional.empty());
        for (String name : System.getenv().keySet()) {
            if (!name.equals("PATH")) {
                assertFalse(env.containsKey(name), name + " leaked");
            }
        }
    }

    @Test
    void addsConfiguredVariablesButLetsProtocolVariablesWin() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("APP_MODE", "demo");
        extra.put("GATEWAY_INTERFACE", "fake");
        extra.put("PATH", "/opt/bin");
        Map<String, String> env = CgiEnvironment.build(request, location, match, settings(extra), -1,
                Optional.empty());
        assertEquals("demo", env.get("APP_MODE"));
        assertEquals("CGI/1.1", env.get("GATEWAY_INTERFACE"));
        assertEquals("/opt/bin", env.get("PATH"));
    }

    @Test
    void passesSessionIdAndAttributes() {
        TestSession session = new TestSession("abc123");
        session.set("count", "4");
        session.set("user name", "ada");
        Map<String, String> env = build(-1, Optional.of(session));
        assertEquals("abc123", env.get("SOLO_SESSION_ID"));
        assertEquals("4", env.get("SOLO_SESSION_count"));
        assertEquals("ada", env.get("SOLO_SESSION_user_name"));
    }

    @Test
    void dropsValuesTheOperatingSystemCannotCarry() {
        TestSession session = new TestSession("id");
        session.set("bad", "a\0b");
        assertFalse(build(-1, Optional.of(session)).containsKey("SOLO_SESSION_bad"));
    }

    @Test
    void fallsBackToTheServerNameWithoutHost() {
        request.host = "";
        assertEquals("solo.test", build(-1, Optional.empty()).get("SERVER_NAME"));
    }
}
