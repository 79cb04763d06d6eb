package dev.solo.session.internal;

import dev.solo.core.EventLoop;
import dev.solo.http.HeaderName;
import dev.solo.http.HttpException;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.Status;
import dev.solo.http.spi.SessionManager;
import dev.solo.session.Cookies;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionStore;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of one server block, carried by a cookie. Loop thread only.
 *
 * <p>Sessions start lazily: only {@code session(request, loop, true)} creates one, so a response whose handler never
 * asked for a session gets no {@code Set-Cookie}. What the client sends is never trusted: a cookie value that is not
 * a well-formed id is ignored without touching the store, and an unknown or expired id is ignored and, if a session
 * is wanted, replaced by a fresh one (the server never adopts an id it did not make, which defeats fixation).
 *
 * <p>A store across the network ({@link SessionStore#answersAtOnce()} false) is asked in {@link #prepare}, before the
 * handlers run, and only for requests that carry a well-formed session cookie; {@link #session} then answers from
 * what it found. When such a store is unavailable, {@link #session} throws a 503 {@link HttpException}: the page needs
 * a session that cannot be had, while pages that never ask for one are unaffected.
 *
 * <p>{@link #beforeResponse} adds {@code Set-Cookie} when the request started a session or renewed its id, and an
 * expiring cookie when it ended one; it also saves changed attributes for stores that keep copies.
 */
final class CookieSessionManager implements SessionManager {

    private static final Logger LOG = LoggerFactory.getLogger(CookieSessionManager.class);
    /** The most requests with a session in flight that are remembered; see {@link RequestSessions}. */
    static final int MAX_REQUESTS_IN_FLIGHT = 65_536;

    private final SessionStore store;
    private final SessionCookie cookie;
    private final SessionIds ids;
    private final RequestSessions requests = new RequestSessions(MAX_REQUESTS_IN_FLIGHT);
    private boolean attached;

    /**
     * @param store where sessions live
     * @param cookie the cookie's name and flags
     * @param ids makes new ids
     */
    CookieSessionManager(SessionStore store, SessionCookie cookie, SessionIds ids) {
        this.store = store;
        this.cookie = cookie;
        this.ids = ids;
    }

    /** The most session cookies of a request that are looked up across the network, one after the other. */
    static final int MAX_REMOTE_LOOKUPS = 2;

    private void attach(EventLoop loop) {
        if (!attached) {
            attached = true;
            store.attach(loop);
        }
    }

    @Override
    public boolean prepare(Request request, EventLoop loop, Runnable ready) {
        attach(loop);
        if (store.answersAtOnce() || !store.isAvailable()) {
            // At once: session() looks up itself. Unavailable: session() answers 503, other pages go on.
            return true;
        }
        List<String> ids = new ArrayList<>(1);
        for (String value : Cookies.parse(request.headers()).getAll(cookie.name())) {
            if (SessionIds.isWellFormed(value) && ids.size() < MAX_REMOTE_LOOKUPS) {
                ids.add(value);
            }
        }
        if (ids.isEmpty()) {
            return true;
        }
        RequestState state = new RequestState();
        requests.put(request, state);
        lookUp(ids, 0, state, ready);
        return false;
    }

    /** Asks the store for each id in turn until one names a live session; then lets the exchange go on. */
    private void lookUp(List<String> ids, int index, RequestState state, Runnable ready) {
        store.find(ids.get(index)).whenComplete((found, failure) -> {
            if (failure != null) {
                state.unavailable = true;
            } else if (found.isPresent()) {
                state.found = found.get();
            } else if (index + 1 < ids.size()) {
                lookUp(ids, index + 1, state, ready);
                return;
            }
            state.lookedUp = true;
            ready.run();
        });
    }

    @Override
    public Optional<Session> session(Request request, EventLoop loop, boolean create) {
        attach(loop);
        RequestState state = requests.get(request);
        if (state != null && state.session != null) {
            return Optional.of(state.session);
        }
        if (!store.answersAtOnce()) {
            checkAvailable(state, request, create);
        }
        if (state == null || state.lookedUp) {
            SessionData found = state == null ? findFromCookie(request) : state.found;
            if (state != null) {
                state.found = null;
                state.lookedUp = false;
            }
            if (found != null) {
                state = state == null ? new RequestState() : state;
                touch(found);
                state.session = new SessionView(found, state, store, ids);
                requests.put(request, state);
                return Optional.of(state.session);
            }
        }
        if (!create) {
            return Optional.empty();
        }
        if (state == null) {
            state = new RequestState();
            requests.put(request, state);
        }
        SessionData data = store.create(ids.next());
        state.session = new SessionView(data, state, store, ids);
        state.issueCookie = true;
        state.clearCookie = false;
        return Optional.of(state.session);
    }

    /**
     * A store across the network failed this request's lookup, or is down while the page wants a session (to start
     * one, or the one its cookie names): the page needs a session it cannot have. A page that only looks for a session
     * the request carries no cookie for (CGI does, for every script) goes on without one.
     */
    private void checkAvailable(RequestState state, Request request, boolean create) {
        boolean failed = state != null && state.unavailable;
        if (failed || (!store.isAvailable() && (create || hasSessionCookie(request)))) {
            throw new HttpException(Status.SERVICE_UNAVAILABLE, "session store unavailable", false);
        }
    }

    private boolean hasSessionCookie(Request request) {
        for (String value : Cookies.parse(request.headers()).getAll(cookie.name())) {
            if (SessionIds.isWellFormed(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds the session named by the request's cookie, in a store that answers at once (a store across the network
     * was asked in {@link #prepare}; without an answer from there, there is no session to find). Several cookies of
     * our name may come (set for other paths or by an older deployment); the first that names a live session wins.
     */
    private SessionData findFromCookie(Request request) {
        if (!store.answersAtOnce()) {
            return null;
        }
        for (String value : Cookies.parse(request.headers()).getAll(cookie.name())) {
            if (!SessionIds.isWellFormed(value)) {
                continue;
            }
            try {
                Optional<SessionData> found = store.find(value).toCompletableFuture().getNow(Optional.empty());
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (UncheckedIOException e) {
                LOG.warn("Session store failed on lookup: {}", e.getMessage());
            }
        }
        return null;
    }

    private void touch(SessionData session) {
        try {
            store.touch(session);
        } catch (UncheckedIOException e) {
            // The session stays usable; at worst it expires a little early after a restart.
            LOG.warn("Session store failed to record an access: {}", e.getMessage());
        }
    }

    @Override
    public void exchangeEnded(Request request) {
        // Answered requests were forgotten in beforeResponse; this one ended without a response.
        RequestState state = requests.remove(request);
        if (state != null && state.session != null && state.dirty) {
            try {
                store.save(state.session.data());
            } catch (UncheckedIOException e) {
                LOG.warn("Could not save session attributes: {}", e.getMessage());
            }
        }
    }

    @Override
    public void beforeResponse(Request request, Response response) {
        RequestState state = requests.remove(request);
        if (state == null) {
            return;
        }
        state.responded = true;
        SessionView session = state.session;
        if (session != null && state.dirty) {
            state.dirty = false;
            try {
                store.save(session.data());
            } catch (UncheckedIOException e) {
                LOG.warn("Could not save session attributes: {}", e.getMessage());
            }
        }
        if (session != null && state.issueCookie) {
            response.header(HeaderName.SET_COOKIE.canonical(), cookie.issue(session.id(), request.secure()));
        } else if (state.clearCookie) {
            response.header(HeaderName.SET_COOKIE.canonical(), cookie.expire(request.secure()));
        }
    }

    @Override
    public void close() {
        store.close();
    }

    /** @return the store, for tests */
    SessionStore store() {
        return store;
    }

    /** @return the number of requests whose response is pending, for tests */
    int requestsInFlight() {
        return requests.size();
    }
}
