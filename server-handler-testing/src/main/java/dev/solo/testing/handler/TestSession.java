package dev.solo.testing.handler;

import dev.solo.http.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session held in memory, for a {@link TestExchange}: hand one to the builder for a visitor who has a session
 * already, and read it after the handler ran to see what it stored, renewed or ended.
 */
public final class TestSession implements Session {

    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String id;
    private int renewals;
    private boolean invalidated;

    /**
     * @param id the session id, as a cookie would carry it
     */
    public TestSession(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * A session with attributes already set.
     *
     * @param id the session id
     * @param attributes the attributes
     * @return the session
     */
    public static TestSession of(String id, Map<String, String> attributes) {
        TestSession session = new TestSession(id);
        attributes.forEach(session::set);
        return session;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    @Override
    public void set(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    /** Gives the session a new id ({@code <old id>-renewed-<n>}), keeping its attributes. */
    @Override
    public void renewId() {
        renewals++;
        id = id + "-renewed-" + renewals;
    }

    /** Drops the attributes and marks the session ended; the exchange then creates a new one if asked to. */
    @Override
    public void invalidate() {
        attributes.clear();
        invalidated = true;
    }

    /** @return how many times {@link #renewId()} was called */
    public int renewals() {
        return renewals;
    }

    /** @return true once {@link #invalidate()} was called */
    public boolean isInvalidated() {
        return invalidated;
    }
}
