package dev.solo.session.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
import dev.solo.http.Headers;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.testing.handler.TestSession;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

class SessionDemoHandlerTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final SessionDemoHandler handler = new SessionDemoHandler("/session/");
    private final TestSession session = new TestSession("id-1");
    private final Headers headers = new Headers();
    private final Request request = mock(Request.class);
    private final Exchange exchange = mock(Exchange.class);

    SessionDemoHandlerTest() {
        when(exchange.request()).thenReturn(request);
        when(request.headers()).thenReturn(headers);
        when(exchange.session(true)).thenReturn(Optional.of(session));
        when(exchange.session(false)).thenReturn(Optional.of(session));
    }

    private boolean handle(Method method, String path) throws Exception {
        when(request.method()).thenReturn(method);
        when(request.path()).thenReturn(path);
        return handler.handle(exchange);
    }

    private Response response() {
        ArgumentCaptor<Response> captor = ArgumentCaptor.forClass(Response.class);
        verify(exchange).respond(captor.capture());
        return captor.getValue();
    }

    private static String text(Response response) {
        return StandardCharsets.UTF_8.decode(response.bytes().duplicate()).toString();
    }

    private void postForm(String path, String contentType, String... chunks) throws Exception {
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        when(request.contentLength()).thenReturn(-1L);
        assertTrue(handle(Method.POST, path));
        ArgumentCaptor<BodyConsumer> consumer = ArgumentCaptor.forClass(BodyConsumer.class);
        verify(exchange).receiveBody(consumer.capture());
        for (String chunk : chunks) {
            consumer.getValue().onData(ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
        }
        consumer.getValue().onComplete();
    }

    @Test
    void pageCountsVisitsInTheSession() throws Exception {
        session.set("visits", "41");

        assertTrue(handle(Method.GET, "/session/"));

        Response response = response();
        assertEquals(Status.OK, response.status());
        assertEquals("text/html; charset=utf-8", response.headers().get("Content-Type"));
        assertEquals("no-store", response.headers().get("Cache-Control"));
        assertTrue(text(response).contains("<div class=\"count\">42</div>"));
        assertEquals(Optional.of("42"), session.get("visits"));
    }

    @Test
    void firstVisitCountsOneAndOffersTheLoginForm() throws Exception {
        handle(Method.GET, "/session/");

        String html = text(response());
        assertTrue(html.contains("<div class=\"count\">1</div>"));
        assertTrue(html.contains("action=\"/session/login\""));
        assertTrue(html.contains("<a href=\"/\">"));
        assertFalse(html.contains("Log out"));
    }

    @Test
    void greetsTheLoggedInUserWithTheNameEscaped() throws Exception {
        session.set("user", "<script>alert('x')</script> & \"co\"");

        handle(Method.GET, "/session/");

        String html = text(response());
        assertTrue(html.contains("Hello, <strong>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"
                + "</strong>"), html);
        assertTrue(html.contains("action=\"/session/logout\""));
        assertFalse(html.contains("<script>"));
    }

    @Test
    void headRequestGetsThePageToo() throws Exception {
        assertTrue(handle(Method.HEAD, "/session/"));
    }

    @Test
    void pageSaysSoWhenThereIsNoSessionSupport() throws Exception {
        when(exchange.session(true)).thenReturn(Optional.empty());

        handle(Method.GET, "/session/");

        assertTrue(text(response()).contains("Sessions are not available"));
    }

    @Test
    void loginRenewsTheIdStoresTheNameAndRedirects() throws Exception {
        postForm("/session/login", FORM + "; charset=UTF-8", "other=1&na", "me=Ada+%3Cb%3E+Lovelace");

        assertEquals(1, session.renewals());
        assertEquals(Optional.of("Ada <b> Lovelace"), session.get("user"));
        Response response = response();
        assertEquals(Status.SEE_OTHER, response.status());
        assertEquals("/session/", response.headers().get("Location"));
    }

    @Test
    void loginCutsLongNamesAndDropsControlCharacters() throws Exception {
        postForm("/session/login", FORM, "name=%0D%0A" + "x".repeat(100));

        assertEquals(Optional.of("x".repeat(LoginForm.MAX_NAME_LENGTH)), session.get("user"));
    }

    @Test
    void loginWithoutANameJustRedirects() throws Exception {
        postForm("/session/login", FORM, "name=+++");

        assertEquals(0, session.renewals());
        assertEquals(Optional.empty(), session.get("user"));
        assertEquals(Status.SEE_OTHER, response().status());
    }

    @Test
    void loginRefusesOtherContentTypes() throws Exception {
        headers.add("Content-Type", "application/json");

        assertTrue(handle(Method.POST, "/session/login"));

        verify(exchange).sendError(Status.UNSUPPORTED_MEDIA_TYPE);
        verify(exchange, never()).receiveBody(any());
    }

    @Test
    void loginRefusesADeclaredBodyAboveFourKibibytes() throws Exception {
        headers.add("Content-Type", FORM);
        when(request.contentLength()).thenReturn(LoginForm.MAX_BYTES + 1L);

        assertTrue(handle(Method.POST, "/session/login"));

        verify(exchange).sendError(Status.CONTENT_TOO_LARGE);
        verify(exchange, never()).receiveBody(any());
    }

    @Test
    void loginRefusesAChunkedBodyThatGrowsAboveFourKibibytes() throws Exception {
        postForm("/session/login", FORM, "name=" + "a".repeat(3000), "b".repeat(3000));

        verify(exchange).sendError(Status.CONTENT_TOO_LARGE);
        assertEquals(Optional.empty(), session.get("user"));
    }

    @Test
    void loginRefusesABadPercentEscape() throws Exception {
        postForm("/session/login", FORM, "name=%zz");

        verify(exchange).sendError(Status.BAD_REQUEST);
    }

    @Test
    void loginRefusesAnEscapeThatIsNotUtf8() throws Exception {
        postForm("/session/login", FORM, "name=Ada%FF");

        verify(exchange).sendError(Status.BAD_REQUEST);
        assertEquals(Optional.empty(), session.get("user"));
    }

    @Test
    void loginTakesEscapedAndRawUtf8Alike() throws Exception {
        postForm("/session/login", FORM, "name=Ren%C3%A9e+", "Fran\u00e7oise");

        assertEquals(Optional.of("Ren\u00e9e Fran\u00e7oise"), session.get("user"));
    }

    @Test
    void logoutInvalidatesAndRedirects() throws Exception {
        session.set("user", "ada");

        assertTrue(handle(Method.POST, "/session/logout"));

        assertTrue(session.isInvalidated());
        assertEquals(Status.SEE_OTHER, response().status());
        verify(exchange, never()).session(true);
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /session/style.css", "GET, /session/login", "GET, /session/logout", "POST, /session/",
        "PUT, /session/login", "DELETE, /session/logout", "GET, /session", "GET, /elsewhere/"
    })
    void declinesEverythingElse(Method method, String path) throws Exception {
        assertFalse(handle(method, path));

        verify(exchange, never()).respond(any());
        verify(exchange, never()).session(true);
    }

    @Test
    void prefixWithoutTrailingSlashPutsActionsBelowIt() throws Exception {
        SessionDemoHandler demo = new SessionDemoHandler("/demo");
        when(request.method()).thenReturn(Method.GET);
        when(request.path()).thenReturn("/demo");

        assertTrue(demo.handle(exchange));
        assertTrue(text(response()).contains("action=\"/demo/login\""));
    }
}
