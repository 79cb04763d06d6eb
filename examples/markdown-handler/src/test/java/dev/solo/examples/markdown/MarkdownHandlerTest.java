package dev.solo.examples.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.testing.handler.TestExchange;
import dev.solo.testing.handler.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handler with an in-memory exchange ({@link TestExchange}): a request as the server decodes it, a real root. */
class MarkdownHandlerTest {

    private static final int CAP = 1024;

    @TempDir
    Path root;

    private MarkdownHandler handler = new MarkdownHandler(Optional.empty(), CAP);

    @Test
    void rendersAMarkdownFileAsAnHtmlPage() throws IOException {
        write("guide.md", "# Guide\n\nHello *world*.\n");
        TestResponse response = get("/guide.md");
        assertEquals(200, response.status());
        assertEquals("text/html; charset=utf-8", response.header("Content-Type").orElseThrow());
        String page = response.text();
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<title>Guide</title>"), page);
        assertTrue(page.contains("<h1>Guide</h1>\n<p>Hello <em>world</em>.</p>"), page);
        assertTrue(page.contains("<style>"), page);
    }

    @Test
    void sendsPagesWithAPolicyThatForbidsScripts() throws IOException {
        write("guide.md", "text");
        TestResponse response = get("/guide.md");
        assertTrue(response.header("Content-Security-Policy").orElseThrow().contains("script-src 'none'"));
        assertEquals("nosniff", response.header("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void escapesAScriptElementInTheFile() throws IOException {
        write("evil.md", "Hi <script>alert(document.cookie)</script>\n\n[x](javascript:alert(1))");
        String page = get("/evil.md").text();
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("javascript:"), page);
        assertTrue(page.contains("Hi &lt;script&gt;alert(document.cookie)&lt;/script&gt;"), page);
    }

    @Test
    void answersHeadWithTheHeadOfGetAndNoBody() throws IOException {
        write("guide.md", "# Guide");
        TestResponse get = get("/guide.md");
        TestResponse head = handle(TestExchange.create(b -> b.method("HEAD").target("/guide.md").root(root)));
        assertEquals(200, head.status());
        assertEquals(get.contentLength(), head.contentLength());
        assertEquals(get.header("Content-Type"), head.header("Content-Type"));
        assertEquals(0, head.body().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "raw=1", "lang=en&raw", "a=b&raw=&c=d"})
    void servesTheTextItselfForRaw(String query) throws IOException {
        write("guide.md", "# Guide <b>");
        TestResponse response = get("/guide.md?" + query);
        assertEquals("text/markdown; charset=utf-8", response.header("Content-Type").orElseThrow());
        assertEquals("nosniff", response.header("X-Content-Type-Options").orElseThrow());
        assertEquals("# Guide <b>", response.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rawness", "x=raw", "RAW"})
    void rendersWhenTheQueryOnlyLooksLikeRaw(String query) throws IOException {
        write("guide.md", "# Guide");
        assertEquals("text/html; charset=utf-8", get("/guide.md?" + query).header("Content-Type").orElseThrow());
    }

    @Test
    void linksTheConfiguredStyleSheetInsteadOfTheBuiltInStyle() throws IOException {
        handler = new MarkdownHandler(Optional.of("/css/site.css?v=1&x=\"y\""), CAP);
        write("guide.md", "text");
        String page = get("/guide.md").text();
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/css/site.css?v=1&amp;x=&quot;y&quot;\">"), page);
        assertFalse(page.contains("<style>"), page);
    }

    @Test
    void titlesAPageWithoutHeadingByItsFileName() throws IOException {
        write("a&b.md", "no heading");
        assertTrue(get("/a&b.md").text().contains("<title>a&amp;b.md</title>"));
    }

    @Test
    void ignoresAByteOrderMark() throws IOException {
        write("bom.md", "\uFEFF# Title");
        assertTrue(get("/bom.md").text().contains("<h1>Title</h1>"));
    }

    @Test
    void matchesTheExtensionInAnyLetterCase() throws IOException {
        write("README.MD", "# Read me");
        assertTrue(get("/README.MD").text().contains("<h1>Read me</h1>"));
    }

    @Test
    void rendersAFileExactlyAtTheCap() throws IOException {
        write("full.md", "a".repeat(CAP));
        assertEquals(200, get("/full.md").status());
    }

    @Test
    void declinesAFileOverTheCap() throws IOException {
        write("big.md", "a".repeat(CAP + 1));
        assertDeclines("/big.md");
    }

    @Test
    void declinesMethodsOtherThanGetAndHead() throws IOException {
        write("guide.md", "# Guide");
        assertDeclines(TestExchange.create(b -> b.method("POST").target("/guide.md").root(root).body("x=1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html", "/guide.mdx", "/guide.md.bak", "/md", "/"})
    void declinesPathsWithoutTheExtension(String path) throws IOException {
        write("index.html", "<p>hi</p>");
        assertDeclines(path);
    }

    @Test
    void declinesAMissingFile() throws IOException {
        assertDeclines("/missing.md");
    }

    @Test
    void declinesADirectoryNamedLikeAMarkdownFile() throws IOException {
        Files.createDirectory(root.resolve("folder.md"));
        assertDeclines("/folder.md");
    }

    @Test
    void declinesWhenTheLocationMapsThePathToNoFile() throws IOException {
        write("guide.md", "# Guide");
        assertDeclines(TestExchange.get("/guide.md")); // a location without root
    }

    @Test
    void declinesALinkThatLeavesTheRoot(@TempDir Path elsewhere) throws IOException {
        Path secret = Files.writeString(elsewhere.resolve("secret.md"), "# Secret");
        Files.createSymbolicLink(root.resolve("link.md"), secret);
        assertDeclines("/link.md");
    }

    @Test
    void findsTheFileOfAPercentEncodedPath() throws IOException {
        write("my notes.md", "# Notes");
        assertTrue(get("/my%20notes.md").text().contains("<h1>Notes</h1>"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(root.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** {@code GET target} in a location rooted at the test's folder: the handler must take it. */
    private TestResponse get(String target) throws IOException {
        return handle(TestExchange.create(b -> b.target(target).root(root)));
    }

    private TestResponse handle(TestExchange exchange) throws IOException {
        assertTrue(exchange.handle(handler), "declined " + exchange.request().target());
        return exchange.response();
    }

    private void assertDeclines(String path) throws IOException {
        assertDeclines(TestExchange.create(b -> b.target(path).root(root)));
    }

    /** Declining leaves the exchange untouched ({@link TestExchange#handle} also fails a decline that answered). */
    private void assertDeclines(TestExchange exchange) throws IOException {
        assertFalse(exchange.handle(handler), "took " + exchange.request().target());
        assertFalse(exchange.isResponded());
    }
}
