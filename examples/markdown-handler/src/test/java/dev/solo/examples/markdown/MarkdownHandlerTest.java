package dev.solo.examples.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.http.Exchange;
import dev.solo.http.HttpException;
import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

class MarkdownHandlerTest {

    private static final int CAP = 1024;

    @TempDir
    Path root;

    private final Exchange exchange = mock(Exchange.class);
    private final Request request = mock(Request.class);
    private final Location location = mock(Location.class);
    private MarkdownHandler handler = new MarkdownHandler(Optional.empty(), CAP);

    @BeforeEach
    void wireTheExchange() {
        when(exchange.request()).thenReturn(request);
        when(exchange.location()).thenReturn(location);
        when(location.resolve(anyString()))
                .thenAnswer(call -> Optional.of(root.resolve(call.<String>getArgument(0).substring(1))));
        when(request.method()).thenReturn(Method.GET);
    }

    @Test
    void rendersAMarkdownFileAsAnHtmlPage() throws IOException {
        write("guide.md", "# Guide\n\nHello *world*.\n");
        Response response = handle("/guide.md", null);
        assertEquals(200, response.status().code());
        assertEquals("text/html; charset=utf-8", response.headers().get("Content-Type"));
        String page = body(response);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<title>Guide</title>"), page);
        assertTrue(page.contains("<h1>Guide</h1>\n<p>Hello <em>world</em>.</p>"), page);
        assertTrue(page.contains("<style>"), page);
    }

    @Test
    void sendsPagesWithAPolicyThatForbidsScripts() throws IOException {
        write("guide.md", "text");
        Response response = handle("/guide.md", null);
        assertTrue(response.headers().get("Content-Security-Policy").contains("script-src 'none'"));
        assertEquals("nosniff", response.headers().get("X-Content-Type-Options"));
    }

    @Test
    void escapesAScriptElementInTheFile() throws IOException {
        write("evil.md", "Hi <script>alert(document.cookie)</script>\n\n[x](javascript:alert(1))");
        String page = body(handle("/evil.md", null));
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("javascript:"), page);
        assertTrue(page.contains("Hi &lt;script&gt;alert(document.cookie)&lt;/script&gt;"), page);
    }

    @Test
    void answersHeadWithTheSameResponseAsGet() throws IOException {
        write("guide.md", "# Guide");
        long getLength = handle("/guide.md", null).length();
        Exchange headExchange = mock(Exchange.class);
        when(headExchange.request()).thenReturn(request);
        when(headExchange.location()).thenReturn(location);
        when(request.method()).thenReturn(Method.HEAD);
        assertTrue(handler.handle(headExchange));
        ArgumentCaptor<Response> captor = ArgumentCaptor.forClass(Response.class);
        verify(headExchange).respond(captor.capture());
        assertEquals(getLength, captor.getValue().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "raw=1", "lang=en&raw", "a=b&raw=&c=d"})
    void servesTheTextItselfForRaw(String query) throws IOException {
        write("guide.md", "# Guide <b>");
        Response response = handle("/guide.md", query);
        assertEquals("text/markdown; charset=utf-8", response.headers().get("Content-Type"));
        assertEquals("nosniff", response.headers().get("X-Content-Type-Options"));
        assertEquals("# Guide <b>", body(response));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rawness", "x=raw", "RAW"})
    void rendersWhenTheQueryOnlyLooksLikeRaw(String query) throws IOException {
        write("guide.md", "# Guide");
        assertEquals("text/html; charset=utf-8", handle("/guide.md", query).headers().get("Content-Type"));
    }

    @Test
    void linksTheConfiguredStyleSheetInsteadOfTheBuiltInStyle() throws IOException {
        handler = new MarkdownHandler(Optional.of("/css/site.css?v=1&x=\"y\""), CAP);
        write("guide.md", "text");
        String page = body(handle("/guide.md", null));
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/css/site.css?v=1&amp;x=&quot;y&quot;\">"), page);
        assertFalse(page.contains("<style>"), page);
    }

    @Test
    void titlesAPageWithoutHeadingByItsFileName() throws IOException {
        write("a&b.md", "no heading");
        assertTrue(body(handle("/a&b.md", null)).contains("<title>a&amp;b.md</title>"));
    }

    @Test
    void ignoresAByteOrderMark() throws IOException {
        write("bom.md", "\uFEFF# Title");
        assertTrue(body(handle("/bom.md", null)).contains("<h1>Title</h1>"));
    }

    @Test
    void matchesTheExtensionInAnyLetterCase() throws IOException {
        write("README.MD", "# Read me");
        assertTrue(body(handle("/README.MD", null)).contains("<h1>Read me</h1>"));
    }

    @Test
    void rendersAFileExactlyAtTheCap() throws IOException {
        write("full.md", "a".repeat(CAP));
        assertEquals(200, handle("/full.md", null).status().code());
    }

    @Test
    void declinesAFileOverTheCap() throws IOException {
        write("big.md", "a".repeat(CAP + 1));
        assertDeclines("/big.md");
    }

    @Test
    void declinesMethodsOtherThanGetAndHead() throws IOException {
        write("guide.md", "# Guide");
        when(request.method()).thenReturn(Method.POST);
        assertDeclines("/guide.md");
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
        doReturn(Optional.empty()).when(location).resolve(anyString());
        assertDeclines("/guide.md");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(root.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Response handle(String path, String query) throws IOException {
        when(request.path()).thenReturn(path);
        when(request.query()).thenReturn(query);
        assertTrue(handler.handle(exchange), "declined " + path);
        ArgumentCaptor<Response> captor = ArgumentCaptor.forClass(Response.class);
        verify(exchange).respond(captor.capture());
        return captor.getValue();
    }

    private void assertDeclines(String path) throws IOException {
        when(request.path()).thenReturn(path);
        when(request.query()).thenReturn(null);
        assertFalse(handler.handle(exchange), "took " + path);
        verify(exchange, never()).respond(any());
        verify(exchange, never()).sendError(any(Status.class));
        verify(exchange, never()).sendError(any(HttpException.class));
    }

    private static String body(Response response) {
        assertEquals(Response.BodyKind.BYTES, response.bodyKind());
        return StandardCharsets.UTF_8.decode(response.bytes().duplicate()).toString();
    }
}
