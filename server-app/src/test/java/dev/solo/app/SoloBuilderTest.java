package dev.solo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.Directive;
import dev.solo.http.Method;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.net.InetSocketAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoloBuilderTest {

    @TempDir
    Path site;

    @Test
    void servesCodeHandlersBesideStaticFilesOnAnyFreePort() throws Exception {
        Files.writeString(site.resolve("page.txt"), "from disk");
        Solo solo = Solo.builder()
                .listen("127.0.0.1", 0)
                .server(s -> s.root(site)
                        .location("/hello", l -> l.methods(Method.GET)
                                .handler(ex -> ex.respond(Status.OK, "text/plain", "Hello " + ex.request().query())))
                        .location("/later", l -> l.handler(ex -> ex.loop().schedule(20,
                                () -> ex.respond(Response.of(Status.ACCEPTED).body("text/plain", "late"))))))
                .build();
        try (Running running = new Running(solo)) {
            String hello = running.exchange("GET /hello?x=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            assertTrue(hello.startsWith("HTTP/1.1 200 OK\r\n"), hello);
            assertTrue(hello.contains("\r\nContent-Type: text/plain\r\n"), hello);
            assertTrue(hello.endsWith("\r\n\r\nHello x=1"), hello);
            assertTrue(running.exchange("POST /hello HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n"
                    + "Connection: close\r\n\r\nx").startsWith("HTTP/1.1 405 "));
            String later = running.exchange("GET /later HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            assertTrue(later.startsWith("HTTP/1.1 202 Accepted\r\n") && later.endsWith("\r\n\r\nlate"), later);
            assertTrue(running.exchange("GET /page.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                    .endsWith("\r\n\r\nfrom disk"));
            assertTrue(running.exchange("GET /missing HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                    .startsWith("HTTP/1.1 404 "));
        }
    }

    @Test
    void appliesTheCodecLimitsSetAsDirectives() throws Exception {
        Solo solo = Solo.builder().listen("127.0.0.1", 0)
                .maxRequestLineSize(64).maxHeaderCount(3).maxHeaderSize(64 * 1024)
                .server(s -> s.location("/", l -> l.handler(ex -> ex.respond(Status.OK, "text/plain", "ok"))))
                .build();
        try (Running running = new Running(solo)) {
            assertTrue(running.exchange("GET /" + "a".repeat(60) + " HTTP/1.1\r\nHost: a\r\n\r\n")
                    .startsWith("HTTP/1.1 414 "));
            assertTrue(running.exchange("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n")
                    .startsWith("HTTP/1.1 431 "));
            // 40 KiB of headers: beyond the default 16 KiB, within the 64 KiB set here.
            String big = "X-Big: " + "b".repeat(40 * 1024) + "\r\n";
            assertTrue(running.exchange("GET / HTTP/1.1\r\nHost: a\r\n" + big + "Connection: close\r\n\r\n")
                    .startsWith("HTTP/1.1 200 "));
        }
        Solo defaults = Solo.builder().listen("127.0.0.1", 0)
                .server(s -> s.location("/", l -> l.handler(ex -> ex.respond(Status.OK, "text/plain", "ok"))))
                .build();
        try (Running running = new Running(defaults)) {
            String big = "X-Big: " + "b".repeat(40 * 1024) + "\r\n";
            assertTrue(running.exchange("GET / HTTP/1.1\r\nHost: a\r\n" + big + "Connection: close\r\n\r\n")
                    .startsWith("HTTP/1.1 431 "));
        }
    }

    @Test
    void refusesACodecLimitNoRequestFits() {
        ConfigException e = assertThrows(ConfigException.class, () -> Solo.builder().listen("127.0.0.1", 0)
                .maxHeaderSize(8).server(s -> s.root(site)).build());
        assertTrue(e.getMessage().contains("[builder] main > max_header_size 8: 'max_header_size' must be between 16"),
                e.getMessage());
    }

    @Test
    void namesTheBuilderCallOfEachError() {
        ConfigException e = assertThrows(ConfigException.class, () -> Solo.builder()
                .listen("127.0.0.1", 0)
                .server(s -> s.root(site)
                        .location("/files/", l -> l.alias(site.resolve("missing")))
                        .location("/up/", l -> l.gzipCompLevel(12)))
                .build());
        String message = e.getMessage();
        assertTrue(message.contains("[builder] server #1 > location \"/files/\" > alias " + site.resolve("missing")),
                message);
        assertTrue(message.contains("[builder] server #1 > location \"/up/\" > gzip_comp_level 12"), message);
    }

    @Test
    void reportsASettingInTheWrongBlockLikeTheConfigFileDoes() {
        ConfigException e = assertThrows(ConfigException.class, () -> Solo.builder()
                .server(s -> s.listen("127.0.0.1", 0)
                        .location("/", l -> l.directive("keepalive_timeout", "5s")))
                .build());
        assertTrue(e.getMessage().contains("[builder] server #1 > location \"/\" > keepalive_timeout 5s"),
                e.getMessage());
    }

    @Test
    void writesTheDocumentAConfigFileWouldGive() throws Exception {
        Path root = site.toAbsolutePath();
        SoloBuilder builder = Solo.builder()
                .accessLog(true)
                .keepaliveTimeout(Duration.ofSeconds(5))
                .server(s -> s.listen("127.0.0.1", 8080, "default_server").serverName("example.com", "*.example.org")
                        .root(root).index("index.html").autoindex(false)
                        .location("/up/", l -> l.upload(true).clientMaxBodySize(1 << 20)
                                .exactLocation("/up/x", x -> x.returnStatus(301, "/")))
                        .location("/cgi-bin/", l -> l.cgi(".py", "python3").cgiEnv("MODE", "demo")));
        String file = "access_log on;\nkeepalive_timeout 5000ms;\n"
                + "server {\n listen 127.0.0.1:8080 default_server;\n server_name example.com *.example.org;\n"
                + " root " + root + ";\n index index.html;\n autoindex off;\n"
                + " location /up/ { upload on; client_max_body_size 1048576; location = /up/x { return 301 /; } }\n"
                + " location /cgi-bin/ { cgi .py python3; cgi_env MODE demo; }\n}\n";
        assertEquals(render(ConfigParser.parse(file, Path.of("same.conf")).directives()),
                render(builder.document().directives()));
    }

    @Test
    void givesServersWithoutListenTheBuildersAddresses() {
        List<Directive> servers = Solo.builder().listen("::1", 0).listen("127.0.0.1", 0)
                .server(s -> s.root(site)).document().directives("server");
        assertEquals("[[::1]:0, 127.0.0.1:0]", servers.get(0).children("listen").stream()
                .map(d -> d.arg(0)).collect(Collectors.toList()).toString());
    }

    private static String render(List<Directive> directives) {
        StringBuilder out = new StringBuilder();
        for (Directive d : directives) {
            out.append(d.name());
            d.args().forEach(a -> out.append(' ').append(a.value()));
            if (d.isBlock()) {
                out.append(" {").append(render(d.children())).append('}');
            }
            out.append(';');
        }
        return out.toString();
    }

    /** The server turning on a thread of the test, stopped and joined by close(). */
    private static final class Running implements AutoCloseable {
        private final Solo solo;
        private final Thread thread;

        Running(Solo solo) throws Exception {
            this.solo = solo;
            solo.start();
            thread = new Thread(solo::run, "builder-test-loop");
            thread.setDaemon(true);
            thread.start();
        }

        /** Sends one request on a new connection and reads the answer to the end (the request says close). */
        String exchange(String request) throws IOException {
            InetSocketAddress address = solo.addresses().get(0);
            try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }

        @Override
        public void close() {
            solo.stop();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
