package dev.solo.session.internal;

import dev.solo.http.Session;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Session} a handler sees during one request: the store's {@link SessionData} plus what the response must
 * do about the cookie. Loop thread only.
 */
final class SessionView implements Session {

    private static final Logger LOG = LoggerFactory.getLogger(SessionView.class);

    private final SessionData data;
    private final RequestState request;
    private final SessionStore store;
    private final SessionIds ids;
    private boolean valid = true;

    SessionView(SessionData data, RequestState request, SessionStore store, SessionIds ids) {
        this.data = data;
        this.request = request;
        this.store = store;
        this.ids = ids;
    }

    /** @return whether the session is still usable: not invalidated */
    boolean isValid() {
        return valid;
    }

    /** @return the stored session */
    SessionData data() {
        return data;
    }

    @Override
    public String id() {
        return data.id();
    }

    @Override
    public Optional<String> get(String name) {
        return valid ? data.attribute(name) : Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException after {@link #invalidate()}
     * @throws IllegalArgumentException for a name outside {@code [A-Za-z0-9_.-]{1,64}} or when the session's
     *         attributes would exceed {@link SessionData#MAX_TOTAL_CHARS}
     */
    @Override
    public void set(String name, String value) {
        checkValid();
        data.attribute(name, value);
        if (request.responded) {
            store.save(data);
        } else {
            request.dirty = true;
        }
    }

    @Override
    public Map<String, String> attributes() {
        return valid ? Collections.unmodifiableMap(new LinkedHashMap<>(data.attributes())) : Map.of();
    }

    @Override
    public void renewId() {
        checkValid();
        store.changeId(data, ids.next());
        request.issueCookie = true;
        if (request.responded) {
            LOG.warn("Session id renewed after the response head was sent: the visitor cannot receive the new id");
        }
    }

    @Override
    public void invalidate() {
        if (!valid) {
            return;
        }
        valid = false;
        store.remove(data.id());
        request.session = null;
        request.issueCookie = false;
        request.dirty = false;
        request.clearCookie = true;
    }

    private void checkValid() {
        if (!valid) {
            throw new IllegalStateException("the session was invalidated");
        }
    }

    /**
     * Leaves the id out: it is a credential.
     *
     * @return e.g. {@code Session[attributes=[user]]}
     */
    @Override
    public String toString() {
        return "Session[" + (valid ? "attributes=" + data.attributes().keySet() : "invalidated") + "]";
    }
}
