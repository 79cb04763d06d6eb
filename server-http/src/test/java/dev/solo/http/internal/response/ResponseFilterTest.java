package dev.solo.http.internal.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.DirectiveRegistry;
import dev.solo.http.Method;
import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.http.Version;
import dev.solo.http.internal.config.HttpDirectives;
import dev.solo.http.internal.config.SiteBuilder;
import dev.solo.http.internal.handlers.ReturnProvider;
import dev.solo.http.internal.routing.LocationTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ResponseFilterTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final String PAGE = "<p>compress me</p>\n".repeat(200);

    private final ResponseFilter filter = new ResponseFilter();

    private static LocationTable locations(String serverBody) throws ConfigException {
        ConfigDocument doc = ConfigParser.parse("server { listen 127.0.0.1:0; " + serverBody + " }", Path.of("t.conf"));
        DirectiveRegistry.of(List.of(new HttpDirectives(), new ResponseDirectives())).validate(doc);
        return new SiteBuilder(List.of(new ReturnProvider()), null).build(doc).bindings().get(0).hosts()
                .defaultServer().locations();
    }

    private static ResponsePolicy policy(String serverBody, String path) throws ConfigException {
        return locations(serverBody).match(path).responsePolicy();
    }

    private static Response page() {
        return Response.of(Status.OK).header("ETag", "\"abc\"").header("Accept-Ranges", "bytes")
                .body("text/html; charset=utf-8", PAGE);
    }

    private static String gunzip(ByteBuffer body) throws IOException {
        byte[] bytes = new byte[body.remaining()];
        body.duplicate().get(bytes);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void addHeaderGoesOnSuccessfulResponsesAndOnErrorsOnlyWithAlways() throws Exception {
        ResponsePolicy policy = policy("add_header X-A a; add_header X-B \"b $scheme\" always;", "/");
        Response ok = filter.apply(Response.of(Status.OK), new StubRequest(), policy, NOW);
        assertEquals("a", ok.headers().get("X-A"));
        assertEquals("b http", ok.headers().get("X-B"));
        Response error = filter.apply(Response.of(Status.NOT_FOUND), new StubRequest(), policy, NOW);
        assertNull(error.headers().get("X-A"));
        assertEquals("b http", error.headers().get("X-B"));
    }

    @Test
    void aLocationWithItsOwnAddHeaderDropsTheInheritedOnes() throws Exception {
        LocationTable table = locations("add_header X-Server s; location /own/ { add_header X-Own o; } "
                + "location /inherit/ { }");
        Response own = filter.apply(Response.of(Status.OK), new StubRequest(),
                table.match("/own/x").responsePolicy(), NOW);
        assertEquals("o", own.headers().get("X-Own"));
        assertNull(own.headers().get("X-Server"));
        Response inherited = filter.apply(Response.of(Status.OK), new StubRequest(),
                table.match("/inherit/x").responsePolicy(), NOW);
        assertEquals("s", inherited.headers().get("X-Server"));
    }

    @Test
    void addHeaderMistakesAreConfigErrorsWithTheirPosition() {
        ConfigException name = assertThrows(ConfigException.class, () -> policy("add_header \"X A\" v;", "/"));
        assertTrue(name.getMessage().contains("t.conf:1:"), name.getMessage());
        assertThrows(ConfigException.class, () -> policy("add_header Content-Length 5;", "/"));
        assertThrows(ConfigException.class, () -> policy("add_header X-A v sometimes;", "/"));
        assertThrows(ConfigException.class, () -> policy("add_header X-A $nothing;", "/"));
    }

    @Test
    void expiresSetsExpiresAndCacheControl() throws Exception {
        Response r = filter.apply(Response.of(Status.OK), new StubRequest(), policy("expires 30d;", "/"), NOW);
        assertEquals("max-age=2592000", r.headers().get("Cache-Control"));
        assertEquals(dev.solo.http.codec.HttpDate.format(NOW + 2_592_000_000L), r.headers().get("Expires"));
        Response max = filter.apply(Response.of(Status.OK), new StubRequest(), policy("expires max;", "/"), NOW);
        assertEquals("Thu, 31 Dec 2037 23:55:55 GMT", max.headers().get("Expires"));
        assertEquals("max-age=315360000", max.headers().get("Cache-Control"));
        Response epoch = filter.apply(Response.of(Status.OK), new StubRequest(), policy("expires epoch;", "/"), NOW);
        assertEquals("no-cache", epoch.headers().get("Cache-Control"));
        Response past = filter.apply(Response.of(Status.OK), new StubRequest(), policy("expires -1;", "/"), NOW);
        assertEquals("no-cache", past.headers().get("Cache-Control"));
        Response year = filter.apply(Response.of(Status.OK), new StubRequest(), policy("expires 1y;", "/"), NOW);
        assertEquals("max-age=31536000", year.headers().get("Cache-Control"));
        Response error = filter.apply(Response.of(Status.NOT_FOUND), new StubRequest(), policy("expires 1h;", "/"),
                NOW);
        assertFalse(error.headers().contains("Expires"));
        assertThrows(ConfigException.class, () -> policy("expires soon;", "/"));
        assertThrows(ConfigException.class, () -> policy("expires @15h;", "/"));
    }

    @Test
    void etagOffDropsTheValidator() throws Exception {
        Response r = filter.apply(page(), new StubRequest(), policy("etag off;", "/"), NOW);
        assertFalse(r.headers().contains("ETag"));
    }

    @Test
    void compressesAPageInMemoryForAClientThatAcceptsGzip() throws Exception {
        Response r = filter.apply(page(), new StubRequest().header("Accept-Encoding", "gzip, br"),
                policy("gzip on;", "/"), NOW);
        assertEquals("gzip", r.headers().get("Content-Encoding"));
        assertEquals("Accept-Encoding", r.headers().get("Vary"));
        assertEquals("W/\"abc\"", r.headers().get("ETag"));
        assertFalse(r.headers().contains("Accept-Ranges"));
        assertEquals(Response.BodyKind.BYTES, r.bodyKind());
        assertEquals(r.bytes().remaining(), r.length());
        assertEquals(PAGE, gunzip(r.bytes()));
    }

    @Test
    void aClientThatRefusesGzipGetsTheIdentityBodyWithVary() throws Exception {
        for (String accept : new String[] {"gzip;q=0", "deflate", "br;q=1, *;q=0"}) {
            Response r = filter.apply(page(), new StubRequest().header("Accept-Encoding", accept),
                    policy("gzip on;", "/"), NOW);
            assertFalse(r.headers().contains("Content-Encoding"), accept);
            assertEquals("Accept-Encoding", r.headers().get("Vary"), accept);
            assertEquals("\"abc\"", r.headers().get("ETag"), accept);
        }
        Response none = filter.apply(page(), new StubRequest(), policy("gzip on;", "/"), NOW);
        assertFalse(none.headers().contains("Content-Encoding"));
    }

    @Test
    void leavesAloneWhatMustNotOrNeedNotBeCompressed() throws Exception {
        ResponsePolicy policy = policy("gzip on;", "/");
        Response png = filter.apply(Response.of(Status.OK).body("image/png", PAGE), gzipRequest(), policy, NOW);
        assertFalse(png.headers().contains("Content-Encoding"));
        assertFalse(png.headers().contains("Vary"));
        Response small = filter.apply(Response.of(Status.OK).body("text/html", "<p>tiny</p>"), gzipRequest(),
                policy, NOW);
        assertFalse(small.headers().contains("Content-Encoding"));
        Response range = filter.apply(Response.of(Status.PARTIAL_CONTENT).body("text/html", PAGE), gzipRequest(),
                policy, NOW);
        assertFalse(range.headers().contains("Content-Encoding"));
        Response encoded = filter.apply(page().header("Content-Encoding", "br"), gzipRequest(), policy, NOW);
        assertEquals("br", encoded.headers().get("Content-Encoding"));
        StubRequest http10 = gzipRequest();
        http10.version = Version.HTTP_1_0;
        assertFalse(filter.apply(page(), http10, policy, NOW).headers().contains("Content-Encoding"));
        Response noContent = filter.apply(Response.of(Status.NO_CONTENT).header("Content-Type", "text/html"),
                gzipRequest(), policy, NOW);
        assertFalse(noContent.headers().contains("Content-Encoding"));
    }

    @Test
    void aClientThatRefusesIdentityGetsEvenASmallBodyCompressed() throws Exception {
        Response r = filter.apply(Response.of(Status.OK).body("text/html", "<p>tiny</p>"),
                new StubRequest().header("Accept-Encoding", "gzip, identity;q=0"), policy("gzip on;", "/"), NOW);
        assertEquals("gzip", r.headers().get("Content-Encoding"));
    }

    @Test
    void aHeadResponseSaysWhatGetWouldSendWithoutCompressingAnything() throws Exception {
        StubRequest head = gzipRequest();
        head.method = Method.HEAD;
        Response r = filter.apply(page(), head, policy("gzip on;", "/"), NOW);
        assertEquals("gzip", r.headers().get("Content-Encoding"));
        assertEquals(Response.BodyKind.STREAM, r.bodyKind());
        r.source().close();
        assertEquals(0, filter.deflaters().active());
    }

    @Test
    void aNotModifiedResponseGetsTheWeakTagAndVaryButNoType() throws Exception {
        Response r = filter.apply(Response.of(Status.NOT_MODIFIED).header("ETag", "\"abc\"")
                .header("Content-Type", "text/css"), gzipRequest(), policy("gzip on;", "/"), NOW);
        assertEquals("W/\"abc\"", r.headers().get("ETag"));
        assertEquals("Accept-Encoding", r.headers().get("Vary"));
        assertFalse(r.headers().contains("Content-Type"));
    }

    @Test
    void aStreamIsCompressedAsItComesAndTheDeflaterGoesBackToThePool() throws Exception {
        byte[] body = PAGE.repeat(100).getBytes(StandardCharsets.UTF_8);
        Response stream = Response.of(Status.OK).header("Content-Type", "application/json")
                .stream(new dev.solo.http.BodySource() {
                    int at;

                    @Override
                    public int read(ByteBuffer dst) {
                        if (at == body.length) {
                            return -1;
                        }
                        int n = Math.min(dst.remaining(), Math.min(1000, body.length - at));
                        dst.put(body, at, n);
                        at += n;
                        return n;
                    }

                    @Override
                    public void onReadable(Runnable listener) {
                    }

                    @Override
                    public void close() {
                    }
                }, -1);
        Response r = filter.apply(stream, gzipRequest(), policy("gzip on; gzip_comp_level 9;", "/"), NOW);
        assertEquals(-1, r.length());
        assertEquals(1, filter.deflaters().active());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ByteBuffer room = ByteBuffer.allocate(4096);
        while (r.source().read(room.clear()) >= 0) {
            out.write(room.array(), 0, room.position());
        }
        r.source().close();
        assertEquals(0, filter.deflaters().active());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }

    @Test
    void gzipSettingsInheritAndTypesAlwaysIncludeHtml() throws Exception {
        LocationTable table = locations("gzip on; gzip_types text/css; location /raw/ { gzip off; }");
        assertTrue(table.match("/x").responsePolicy().gzip().compresses("text/html"));
        assertTrue(table.match("/x").responsePolicy().gzip().compresses("TEXT/CSS ; charset=utf-8"));
        assertFalse(table.match("/x").responsePolicy().gzip().compresses("application/json"));
        assertFalse(table.match("/raw/x").responsePolicy().gzip().enabled());
        assertThrows(ConfigException.class, () -> policy("gzip_types html;", "/"));
        assertThrows(ConfigException.class, () -> policy("gzip_comp_level 10;", "/"));
    }

    @Test
    void aPassivePolicyChangesNothing() throws Exception {
        Response r = filter.apply(page(), gzipRequest(), ResponsePolicy.NONE, NOW);
        assertEquals("\"abc\"", r.headers().get("ETag"));
        assertFalse(r.headers().contains("Content-Encoding"));
        assertFalse(r.headers().contains("Vary"));
    }

    private static StubRequest gzipRequest() {
        return new StubRequest().header("Accept-Encoding", "gzip");
    }
}
