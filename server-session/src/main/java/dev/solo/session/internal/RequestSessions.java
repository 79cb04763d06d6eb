package dev.solo.session.internal;

import dev.solo.http.Request;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the session manager remembers about requests between {@code session(...)} and {@code beforeResponse(...)}:
 * which session each one uses, and which cookie its response must carry.
 *
 * <p>Keyed by the identity of the {@link Request}, since the manager sees nothing else of the exchange. An exchange
 * that ends without a response (the client went away) never reaches {@code beforeResponse}, so the map is capped:
 * beyond {@link #capacity} requests in flight, the oldest entry is dropped and its response, if it still comes, goes
 * out without a session cookie.
 */
final class RequestSessions {

    private static final Logger LOG = LoggerFactory.getLogger(RequestSessions.class);

    /** Wraps a request so that two requests are equal only when they are the same object. */
    private static final class IdentityKey {
        private final Request request;

        IdentityKey(Request request) {
            this.request = request;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey && ((IdentityKey) other).request == request;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(request);
        }
    }

    private final int capacity;
    private final LinkedHashMap<IdentityKey, RequestState> states = new LinkedHashMap<>();

    /** @param capacity the most requests remembered at once */
    RequestSessions(int capacity) {
        this.capacity = capacity;
    }

    /**
     * @param request a request
     * @return its state, or null when it has none
     */
    RequestState get(Request request) {
        return states.get(new IdentityKey(request));
    }

    /**
     * @param request a request
     * @param state its state
     */
    void put(Request request, RequestState state) {
        states.put(new IdentityKey(request), state);
        if (states.size() > capacity) {
            Iterator<Map.Entry<IdentityKey, RequestState>> eldest = states.entrySet().iterator();
            eldest.next();
            eldest.remove();
            LOG.debug("More than {} requests in flight with sessions: forgot the oldest", capacity);
        }
    }

    /**
     * @param request a request
     * @return its state, now forgotten, or null
     */
    RequestState remove(Request request) {
        return states.remove(new IdentityKey(request));
    }

    /** @return the number of requests remembered */
    int size() {
        return states.size();
    }
}
