package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Http;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Methods (RFC 9110 §9): unknown ones, the {@code methods} directive and 405, HEAD, OPTIONS. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class MethodsTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    @TempDir
    static Path temporary;
    private static Path site;
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        site = Files.createDirectories(temporary.resolve(transport.name()));
        SiteFiles.write(site, "page.html", "<h1>page</h1>");
        SiteFiles.write(site, "readonly/file.txt", "read me");
        server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location /readonly/ { methods GET; }
                    location /any { return 200 any; }
                }
                """, Map.of("root", site));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    private static RawResponse exchange(String request) throws Exception {
        try (RawClient client = server.connect()) {
            return client.send(request).readResponse();
        }
    }

    private static Set<String> allowed(RawResponse response) {
        Set<String> methods = new TreeSet<>();
        for (String member : response.header("Allow").split(",")) {
            methods.add(member.strip());
        }
        return methods;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BREW", "PROPFIND", "get"})
    @DisplayName("RFC 9110 §9.1: a method the server does not know gets 501")
    void answersUnknownMethodsWith501(String method) throws Exception {
        RawResponse response = exchange(method + " /page.html HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(501, response.status(), response::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TRACE", "CONNECT"})
    @DisplayName("RFC 9110 §9.3.6, §9.3.8: CONNECT and TRACE are not implemented: 501")
    void answersTraceAndConnectWith501(String method) throws Exception {
        String target = method.equals("CONNECT") ? "x:80" : "/page.html";
        RawResponse response = exchange(method + " " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(501, response.status(), response::toString);
    }

    @Test
    @DisplayName("RFC 9110 §15.5.6: a method the location does not allow gets 405 with Allow")
    void answersDisallowedMethodWith405AndAllow() throws Exception {
        RawResponse response = exchange("POST /readonly/file.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assertEquals(405, response.status(), response::toString);
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allowed(response));
    }

    @Test
    @DisplayName("RFC 9110 §15.5.6: POST to static files gets 405 with Allow listing what files accept")
    void answersPostToStaticFilesWith405() throws Exception {
        RawResponse response = exchange("POST /page.html HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx");
        assertEquals(405, response.status(), response::toString);
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allowed(response));
    }

    @Test
    @DisplayName("RFC 9110 §9.3.2: HEAD gets exactly GET's header fields and no body")
    void answersHeadWithGetsHeadersAndNoBody() throws Exception {
        try (RawClient client = server.connect()) {
            // HEAD first, on the same connection: a body after it would corrupt the GET response that follows.
            client.send("HEAD /page.html HTTP/1.1\r\nHost: x\r\n\r\nGET /page.html HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse head = client.readHeadResponse();
            RawResponse get = client.readResponse();
            assertEquals(200, head.status(), head::toString);
            assertEquals(200, get.status(), get::toString);
            assertEquals("<h1>page</h1>", get.bodyText());
            assertEquals(withoutDate(get.headers()), withoutDate(head.headers()));
        }
    }

    @Test
    @DisplayName("RFC 9110 §9.3.2: HEAD of a missing file gets the 404 head without a body")
    void answersHeadOf404WithoutBody() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("HEAD /missing HTTP/1.1\r\nHost: x\r\n\r\nGET /page.html HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(404, client.readHeadResponse().status());
            assertEquals("<h1>page</h1>", client.readResponse().bodyText());
        }
    }

    private static List<String> withoutDate(List<Map.Entry<String, String>> headers) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> field : headers) {
            if (!field.getKey().equalsIgnoreCase("Date")) {
                lines.add(field.getKey() + ": " + field.getValue());
            }
        }
        return lines;
    }

    @Test
    @DisplayName("RFC 9110 §9.3.7: OPTIONS on a path lists the location's methods in Allow")
    void answersOptionsWithAllow() throws Exception {
        RawResponse readonly = exchange("OPTIONS /readonly/file.txt HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(readonly.status() == 200 || readonly.status() == 204, readonly::toString);
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allowed(readonly));

        RawResponse open = exchange("OPTIONS /any HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(allowed(open).containsAll(Arrays.asList("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS")),
                open::toString);
    }

    @Test
    @DisplayName("RFC 9110 §9.3.3: POST, PUT and DELETE reach the handler of a location that takes them")
    void letsAllowedMethodsThrough() throws Exception {
        RawResponse post = exchange("POST /any HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx");
        assertEquals(200, post.status(), post::toString);
        assertEquals("any", post.bodyText());
        assertEquals(200, exchange("PUT /any HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").status());
        HttpResponse<String> delete = Http.send(Http.request(server.uri("/any")).DELETE().build());
        assertEquals(200, delete.statusCode());
        assertEquals("any", delete.body());
    }
}
