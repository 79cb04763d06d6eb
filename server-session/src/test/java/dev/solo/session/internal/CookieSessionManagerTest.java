package dev.solo.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import dev.solo.http.Headers;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.Status;
import dev.solo.session.Cookies;
import dev.solo.session.internal.store.MemorySessionStoreProvider;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CookieSessionManagerTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final EventLoop loop = mock(EventLoop.class);
    private SessionStore store;
    private CookieSessionManager manager;

    @BeforeEach
    void setUp() {
        when(loop.schedule(anyLong(), any())).thenReturn(mock(Timer.class));
        store = new MemorySessionStoreProvider().create(SessionSettings.create(b -> b.clock(clock::get)));
        manager = new CookieSessionManager(store, new SessionCookie("SOLOSESSION", false), SessionIds.create());
    }

    private static Request request(String... cookieHeaders) {
        Headers headers = new Headers();
        for (String value : cookieHeaders) {
            headers.add("Cookie", value);
        }
        Request request = mock(Request.class);
        when(request.headers()).thenReturn(headers);
        return request;
    }

    private List<String> respond(Request request) {
        Response response = Response.of(Status.OK);
        manager.beforeResponse(request, response);
        return response.headers().getAll("Set-Cookie");
    }

    /** Starts a session in one request and returns its id, as the browser would keep it. */
    private String establishedSessionId() {
        Request first = request();
        manager.session(first, loop, true).orElseThrow().set("user", "ada");
        String setCookie = respond(first).get(0);
        return Cookies.parse(setCookie.substring(0, setCookie.indexOf(';'))).get("SOLOSESSION").orElseThrow();
    }

    @Test
    void requestThatNeverTouchesASessionGetsNoCookie() {
        Request request = request();

        assertEquals(List.of(), respond(request));
        assertEquals(0, store.count());
    }

    @Test
    void lookingWithoutCreatingStartsNothing() {
        Request request = request();

        assertEquals(Optional.empty(), manager.session(request, loop, false));
        assertEquals(List.of(), respond(request));
        assertEquals(0, store.count());
    }

    @Test
    void creatingSendsTheIdInAHardenedCookie() {
        Request request = request();

        Session session = manager.session(request, loop, true).orElseThrow();

        assertEquals(List.of("SOLOSESSION=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax"), respond(request));
        assertTrue(SessionIds.isWellFormed(session.id()));
    }

    @Test
    void secureSettingAddsSecure() {
        manager = new CookieSessionManager(store, new SessionCookie("sid", true), SessionIds.create());
        Request request = request();

        Session session = manager.session(request, loop, true).orElseThrow();

        assertEquals(List.of("sid=" + session.id() + "; Path=/; Secure; HttpOnly; SameSite=Lax"), respond(request));
    }

    @Test
    void sameRequestGetsTheSameSessionEveryTime() {
        Request request = request();

        Session first = manager.session(request, loop, true).orElseThrow();

        assertSame(first, manager.session(request, loop, true).orElseThrow());
        assertSame(first, manager.session(request, loop, false).orElseThrow());
        assertEquals(1, store.count());
        assertEquals(1, respond(request).size());
    }

    @Test
    void returningVisitorFindsTheSessionAndGetsNoNewCookie() {
        String id = establishedSessionId();
        Request next = request("theme=dark; SOLOSESSION=" + id);

        Session session = manager.session(next, loop, false).orElseThrow();

        assertEquals(id, session.id());
        assertEquals(Optional.of("ada"), session.get("user"));
        assertEquals(List.of(), respond(next));
    }

    @Test
    void everyUseRestartsTheIdleTimeout() {
        String id = establishedSessionId();
        for (int i = 0; i < 5; i++) {
            clock.addAndGet(Duration.ofMinutes(20).toMillis());
            Request request = request("SOLOSESSION=" + id);
            assertTrue(manager.session(request, loop, false).isPresent(), "visit " + i);
            respond(request);
        }
        clock.addAndGet(Duration.ofMinutes(30).toMillis());

        assertEquals(Optional.empty(), manager.session(request("SOLOSESSION=" + id), loop, false));
    }

    @Test
    void unknownIdIsIgnoredAndReplaced() {
        String forged = SessionIds.create().next();
        Request request = request("SOLOSESSION=" + forged);

        assertEquals(Optional.empty(), manager.session(request, loop, false));
        Session session = manager.session(request, loop, true).orElseThrow();

        assertNotEquals(forged, session.id());
        assertEquals(List.of("SOLOSESSION=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax"), respond(request));
    }

    @Test
    void expiredIdIsIgnoredAndReplaced() {
        String id = establishedSessionId();
        clock.addAndGet(Duration.ofMinutes(31).toMillis());
        Request request = request("SOLOSESSION=" + id);

        Session session = manager.session(request, loop, true).orElseThrow();

        assertNotEquals(id, session.id());
        assertEquals(Optional.empty(), session.get("user"));
        assertEquals(1, respond(request).size());
    }

    @Test
    void malformedIdsNeverReachTheStore() {
        SessionStore mockStore = storeAnsweringAtOnce();
        manager = new CookieSessionManager(mockStore, new SessionCookie("SOLOSESSION", false), SessionIds.create());
        Request request = request("SOLOSESSION=../../../../etc/passwd", "SOLOSESSION=short",
                "SOLOSESSION=" + "A".repeat(10_000));

        assertEquals(Optional.empty(), manager.session(request, loop, false));
        verify(mockStore, never()).find(any());
    }

    @Test
    void firstLiveSessionAmongSeveralCookiesWins() {
        String id = establishedSessionId();
        Request request = request("SOLOSESSION=" + SessionIds.create().next() + "; SOLOSESSION=" + id);

        assertEquals(id, manager.session(request, loop, false).orElseThrow().id());
    }

    @Test
    void renewIdSendsANewCookieAndRetiresTheOldId() {
        String oldId = establishedSessionId();
        Request login = request("SOLOSESSION=" + oldId);
        Session session = manager.session(login, loop, false).orElseThrow();

        session.renewId();

        assertNotEquals(oldId, session.id());
        assertEquals(Optional.of("ada"), session.get("user"));
        assertEquals(List.of("SOLOSESSION=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax"), respond(login));
        assertEquals(Optional.empty(), manager.session(request("SOLOSESSION=" + oldId), loop, false));
        assertEquals(session.id(),
                manager.session(request("SOLOSESSION=" + session.id()), loop, false).orElseThrow().id());
    }

    @Test
    void invalidateExpiresTheCookieAndEndsTheSession() {
        String id = establishedSessionId();
        Request logout = request("SOLOSESSION=" + id);
        Session session = manager.session(logout, loop, false).orElseThrow();

        session.invalidate();

        assertEquals(List.of("SOLOSESSION=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; HttpOnly;"
                + " SameSite=Lax"), respond(logout));
        assertEquals(Optional.empty(), manager.session(request("SOLOSESSION=" + id), loop, false));
        assertEquals(0, store.count());
        assertEquals(Optional.empty(), session.get("user"));
        assertThrows(IllegalStateException.class, () -> session.set("user", "x"));
    }

    @Test
    void afterInvalidateTheSameRequestCanStartAFreshSession() {
        String id = establishedSessionId();
        Request request = request("SOLOSESSION=" + id);
        manager.session(request, loop, false).orElseThrow().invalidate();

        assertEquals(Optional.empty(), manager.session(request, loop, false));
        Session fresh = manager.session(request, loop, true).orElseThrow();

        assertNotEquals(id, fresh.id());
        assertEquals(List.of("SOLOSESSION=" + fresh.id() + "; Path=/; HttpOnly; SameSite=Lax"), respond(request));
    }

    @Test
    void changedAttributesAreSavedBeforeTheResponse() {
        SessionStore mockStore = storeAnsweringAtOnce();
        when(mockStore.create(any())).thenAnswer(call -> new SessionData(call.getArgument(0), 0, 0));
        manager = new CookieSessionManager(mockStore, new SessionCookie("SOLOSESSION", false), SessionIds.create());
        Request request = request();
        Session session = manager.session(request, loop, true).orElseThrow();
        session.set("a", "1");
        session.set("b", "2");
        verify(mockStore, never()).save(any());

        respond(request);

        verify(mockStore).save(any());
    }

    @Test
    void attachesTheStoreToTheLoopOnFirstUse() {
        SessionStore mockStore = storeAnsweringAtOnce();
        manager = new CookieSessionManager(mockStore, new SessionCookie("SOLOSESSION", false), SessionIds.create());

        manager.session(request(), loop, false);
        manager.session(request(), loop, false);

        verify(mockStore).attach(loop);
    }

    @Test
    void forgetsEachRequestOnceItIsAnswered() {
        for (int i = 0; i < 100; i++) {
            Request request = request();
            manager.session(request, loop, true);
            respond(request);
        }

        assertEquals(0, manager.requestsInFlight());
    }

    @Test
    void sessionToStringHidesTheId() {
        Session session = manager.session(request(), loop, true).orElseThrow();

        assertFalse(session.toString().contains(session.id()));
    }

    @Test
    void closingTheManagerClosesItsStore() {
        SessionStore mockStore = storeAnsweringAtOnce();
        manager = new CookieSessionManager(mockStore, new SessionCookie("SOLOSESSION", false), SessionIds.create());

        manager.close();

        verify(mockStore).close();
    }

    /** A mocked store that says what the memory and file stores say: it answers at once and is available. */
    private static SessionStore storeAnsweringAtOnce() {
        SessionStore store = mock(SessionStore.class);
        when(store.answersAtOnce()).thenReturn(true);
        when(store.isAvailable()).thenReturn(true);
        return store;
    }
}
