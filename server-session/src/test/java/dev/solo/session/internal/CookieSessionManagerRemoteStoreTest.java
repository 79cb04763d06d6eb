package dev.solo.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.core.EventLoop;
import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The manager over a store across the network: lookups before the handlers, 503 when the store is down. */
class CookieSessionManagerRemoteStoreTest {

    /** A store whose lookups the test answers by hand. */
    private static final class RemoteStore implements SessionStore {
        final List<CompletableFuture<Optional<SessionData>>> lookups = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        boolean available = true;

        @Override
        public boolean answersAtOnce() {
            return false;
        }

        @Override
        public boolean isAvailable() {
            return available;
        }

        @Override
        public SessionData create(String id) {
            return new SessionData(id, 0, 0);
        }

        @Override
        public CompletionStage<Optional<SessionData>> find(String id) {
            asked.add(id);
            CompletableFuture<Optional<SessionData>> lookup = new CompletableFuture<>();
            lookups.add(lookup);
            return lookup;
        }

        @Override
        public void touch(SessionData session) {
        }

        @Override
        public void save(SessionData session) {
        }

        @Override
        public void changeId(SessionData session, String newId) {
            session.id(newId);
        }

        @Override
        public void remove(String id) {
        }

        @Override
        public int count() {
            return 0;
        }
    }

    private final EventLoop loop = mock(EventLoop.class);
    private final RemoteStore store = new RemoteStore();
    private final SessionIds ids = SessionIds.create();
    private final CookieSessionManager manager =
            new CookieSessionManager(store, new SessionCookie("SOLOSESSION", false), ids);

    private static Request request(String cookie) {
        Headers headers = new Headers();
        if (cookie != null) {
            headers.add("Cookie", cookie);
        }
        Request request = mock(Request.class);
        when(request.headers()).thenReturn(headers);
        return request;
    }

    @Test
    void looksTheSessionUpBeforeTheHandlersAndAnswersFromWhatCameBack() {
        String id = ids.next();
        Request request = request("SOLOSESSION=" + id);
        List<String> resumed = new ArrayList<>();

        assertFalse(manager.prepare(request, loop, () -> resumed.add("ready")), "the exchange waits");
        assertEquals(List.of(id), store.asked);
        assertTrue(resumed.isEmpty());

        SessionData data = new SessionData(id, 0, 0);
        data.attribute("user", "ada");
        store.lookups.get(0).complete(Optional.of(data));

        assertEquals(List.of("ready"), resumed);
        assertEquals(Optional.of("ada"), manager.session(request, loop, false).orElseThrow().get("user"));
        Response response = Response.of(Status.OK);
        manager.beforeResponse(request, response);
        assertTrue(response.headers().getAll("Set-Cookie").isEmpty(), "a known session needs no new cookie");
        assertEquals(0, manager.requestsInFlight());
    }

    @Test
    void aRequestWithoutACookieDoesNotWaitAndStartsASessionWithoutALookup() {
        Request request = request(null);

        assertTrue(manager.prepare(request, loop, () -> { }));

        assertTrue(manager.session(request, loop, true).isPresent());
        assertTrue(store.asked.isEmpty());
    }

    @Test
    void anUnknownIdIsReplacedByANewSession() {
        String forged = ids.next();
        Request request = request("SOLOSESSION=" + forged);
        manager.prepare(request, loop, () -> { });
        store.lookups.get(0).complete(Optional.empty());

        String issued = manager.session(request, loop, true).orElseThrow().id();

        assertFalse(issued.equals(forged), "never adopts an id it did not make");
    }

    @Test
    void aFailedLookupAnswers503ToThePageThatNeedsTheSession() {
        Request request = request("SOLOSESSION=" + ids.next());
        manager.prepare(request, loop, () -> { });
        store.lookups.get(0).completeExceptionally(new IllegalStateException("connection refused"));

        HttpException e = assertThrows(HttpException.class, () -> manager.session(request, loop, false));

        assertEquals(503, e.status().code());
    }

    @Test
    void whileTheStoreIsDownOnlyPagesThatWantASessionAnswer503() {
        store.available = false;
        Request withCookie = request("SOLOSESSION=" + ids.next());
        Request withoutCookie = request(null);

        assertTrue(manager.prepare(withCookie, loop, () -> { }), "no lookup is started: nobody would answer");
        assertThrows(HttpException.class, () -> manager.session(withCookie, loop, false));
        assertThrows(HttpException.class, () -> manager.session(withoutCookie, loop, true));
        assertEquals(Optional.empty(), manager.session(withoutCookie, loop, false),
                "a CGI script without a session cookie runs without a session");
        assertTrue(store.asked.isEmpty());
    }
}
