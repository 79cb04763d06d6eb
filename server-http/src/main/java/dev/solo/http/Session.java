package dev.solo.http;

import java.util.Map;
import java.util.Optional;

/** A visitor's server-side state, kept by a session module. Loop thread only. */
public interface Session {

    /** @return the session id sent in the cookie */
    String id();

    /**
     * @param name an attribute name
     * @return its value, if set
     */
    Optional<String> get(String name);

    /**
     * Sets or, with a null value, removes an attribute.
     *
     * @param name the attribute name
     * @param value the value, or null to remove
     */
    void set(String name, String value);

    /** @return a snapshot of all attributes */
    Map<String, String> attributes();

    /** Gives the session a new id, keeping its attributes: call it when the visitor logs in (prevents fixation). */
    void renewId();

    /** Ends the session: its attributes are gone and the cookie is cleared. */
    void invalidate();
}
