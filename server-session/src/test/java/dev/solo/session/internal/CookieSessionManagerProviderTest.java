package dev.solo.session.internal;

import static dev.solo.session.internal.ConfigFixtures.directive;
import static dev.solo.session.internal.ConfigFixtures.inherited;
import static dev.solo.session.internal.ConfigFixtures.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import dev.solo.http.Headers;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.Status;
import dev.solo.http.spi.SessionManager;
import dev.solo.session.internal.store.FileSessionStoreProvider;
import dev.solo.session.internal.store.MemorySessionStoreProvider;
import dev.solo.session.spi.SessionStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookieSessionManagerProviderTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final EventLoop loop = mock(EventLoop.class);
    private final CookieSessionManagerProvider provider = new CookieSessionManagerProvider(
            List.of(new MemorySessionStoreProvider(), new FileSessionStoreProvider()), clock::get);

    CookieSessionManagerProviderTest() {
        when(loop.schedule(anyLong(), any())).thenReturn(mock(Timer.class));
    }

    private SessionManager create(Directive... children) throws ConfigException {
        Directive server = server(children);
        return provider.create(server, inherited(server));
    }

    private static Request request(String cookie) {
        Headers headers = new Headers();
        if (cookie != null) {
            headers.add("Cookie", cookie);
        }
        Request request = mock(Request.class);
        when(request.headers()).thenReturn(headers);
        return request;
    }

    private static String setCookie(SessionManager manager, Request request) {
        Response response = Response.of(Status.OK);
        manager.beforeResponse(request, response);
        return response.headers().get("Set-Cookie");
    }

    @Test
    void defaultsToMemorySessionsInTheSolosessionCookie() throws Exception {
        SessionManager manager = create();
        Request request = request(null);

        Session session = manager.session(request, loop, true).orElseThrow();

        assertEquals("SOLOSESSION=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax", setCookie(manager, request));
    }

    @Test
    void readsCookieNameAndSecureFlag() throws Exception {
        SessionManager manager = create(directive("session_cookie", "__Host-sid"),
                directive("session_cookie_secure", "on"));
        Request request = request(null);

        Session session = manager.session(request, loop, true).orElseThrow();

        assertEquals("__Host-sid=" + session.id() + "; Path=/; Secure; HttpOnly; SameSite=Lax",
                setCookie(manager, request));
    }

    @Test
    void refusesAHostPrefixedCookieWithoutSecure() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(directive("session_cookie", "__Host-sid")));

        assertTrue(e.getMessage().contains("session_cookie_secure"), e.getMessage());
    }

    @Test
    void appliesTheConfiguredIdleTimeout() throws Exception {
        SessionManager manager = create(directive("session_timeout", "5m"));
        Request first = request(null);
        String id = manager.session(first, loop, true).orElseThrow().id();
        setCookie(manager, first);

        clock.addAndGet(Duration.ofMinutes(4).toMillis());
        assertTrue(manager.session(request("SOLOSESSION=" + id), loop, false).isPresent());
        clock.addAndGet(Duration.ofMinutes(5).toMillis());

        assertEquals(Optional.empty(), manager.session(request("SOLOSESSION=" + id), loop, false));
    }

    @Test
    void appliesTheConfiguredLifetime() throws Exception {
        SessionManager manager = create(directive("session_lifetime", "10m"));
        Request first = request(null);
        String id = manager.session(first, loop, true).orElseThrow().id();
        setCookie(manager, first);

        for (int i = 0; i < 9; i++) {
            clock.addAndGet(Duration.ofMinutes(1).toMillis());
            assertTrue(manager.session(request("SOLOSESSION=" + id), loop, false).isPresent());
        }
        clock.addAndGet(Duration.ofMinutes(1).toMillis());

        assertEquals(Optional.empty(), manager.session(request("SOLOSESSION=" + id), loop, false));
    }

    @Test
    void appliesTheConfiguredCap() throws Exception {
        SessionManager manager = create(directive("session_max", "2"));
        Request first = request(null);
        String oldest = manager.session(first, loop, true).orElseThrow().id();
        for (int i = 0; i < 2; i++) {
            manager.session(request(null), loop, true);
        }

        assertEquals(Optional.empty(), manager.session(request("SOLOSESSION=" + oldest), loop, false));
    }

    @Test
    void usesTheFileStoreInTheConfiguredDirectory(@TempDir Path dir) throws Exception {
        SessionManager manager = create(directive("session_store", "file"),
                directive("session_dir", dir.resolve("sessions").toString()));

        String id = manager.session(request(null), loop, true).orElseThrow().id();
        // The visitor comes back with the cookie: only now is the session worth a file.
        manager.session(request("SOLOSESSION=" + id), loop, false).orElseThrow();

        try (Stream<Path> files = Files.list(dir.resolve("sessions"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void fileStoreNeedsADirectory() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(directive("session_store", "file")));

        assertTrue(e.getMessage().contains("session_dir"), e.getMessage());
    }

    @Test
    void unknownStoreIsAConfigErrorListingTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(directive("session_store", "redis")));

        assertTrue(e.getMessage().contains("unknown session store 'redis'; known: file, memory"), e.getMessage());
        assertEquals(3, e.errors().get(0).position().line());
    }

    @Test
    void twoStoresWithOneNameAreAConfigError() {
        SessionStoreProvider twin = mock(SessionStoreProvider.class);
        when(twin.name()).thenReturn("memory");
        CookieSessionManagerProvider clash = new CookieSessionManagerProvider(
                List.of(new MemorySessionStoreProvider(), twin), clock::get);
        Directive server = server();

        ConfigException e = assertThrows(ConfigException.class, () -> clash.create(server, inherited(server)));

        // Both classes come from one class path entry here (Mockito defines the twin beside the interface).
        assertTrue(e.getMessage().contains(" provides the session store \"memory\" twice:"
                + " dev.solo.session.internal.store.MemorySessionStoreProvider and "), e.getMessage());
        assertTrue(e.errors().get(0).position().isWholeFile(), e.getMessage());
    }

    @Test
    void publicConstructorFindsTheBuiltInStores() throws Exception {
        Directive server = server(directive("session_store", "memory"));

        assertTrue(new CookieSessionManagerProvider().create(server, inherited(server)) != null);
    }
}
