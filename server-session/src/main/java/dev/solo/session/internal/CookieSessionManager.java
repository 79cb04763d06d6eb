package dev.solo.session.internal;

import dev.solo.core.EventLoop;
import dev.solo.http.HeaderName;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.spi.SessionManager;
import dev.solo.session.Cookies;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionStore;
import java.io.UncheckedIOException;
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

    @Override
    public Optional<Session> session(Request request, EventLoop loop, boolean create) {
        if (!attached) {
            attached = true;
            store.attach(loop);
        }
        RequestState state = requests.get(request);
        if (state != null && state.session != null) {
            return Optional.of(state.session);
        }
        if (state == null) {
            SessionData found = findFromCookie(request);
            if (found != null) {
                state = new RequestState();
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
     * Finds the session named by the request's cookie. Several cookies of our name may come (set for other paths or
     * by an older deployment); the first that names a live session wins.
     */
    private SessionData findFromCookie(Request request) {
        for (String value : Cookies.parse(request.headers()).getAll(cookie.name())) {
            if (!SessionIds.isWellFormed(value)) {
                continue;
            }
            try {
                Optional<SessionData> found = store.find(value);
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

    /** @return the store, for tests */
    SessionStore store() {
        return store;
    }

    /** @return the number of requests whose response is pending, for tests */
    int requestsInFlight() {
        return requests.size();
    }
}
