package dev.solo.cgi.internal;

import dev.solo.http.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A session in memory. */
final class FakeSession implements Session {

    private final String id;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    FakeSession(String id) {
        this.id = id;
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

    @Override
    public void renewId() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void invalidate() {
        attributes.clear();
    }
}
