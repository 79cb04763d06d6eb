package dev.solo.session.internal.demo;

import dev.solo.http.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A session in a map, recording what the handler did to it. */
final class FakeSession implements Session {

    final Map<String, String> attributes = new LinkedHashMap<>();
    String id = "id-1";
    int renewals;
    boolean invalidated;

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
        renewals++;
        id = "id-" + (renewals + 1);
    }

    @Override
    public void invalidate() {
        invalidated = true;
        attributes.clear();
    }
}
