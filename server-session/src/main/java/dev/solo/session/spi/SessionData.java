package dev.solo.session.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SessionStore} keeps of one session: its id, when it began and was last used, and its attributes.
 * Mutable; loop thread only.
 *
 * <p>Attribute names are 1 to {@value #MAX_NAME_LENGTH} characters of {@code [A-Za-z0-9_.-]}, so that they map
 * cleanly to CGI environment variables ({@code SOLO_SESSION_<NAME>}) and to store formats. The attributes of one
 * session hold at most {@value #MAX_TOTAL_CHARS} characters, names and values together, so that the memory of
 * {@code session_max} sessions stays bounded whatever handlers put there.
 */
public final class SessionData {

    /** The longest attribute name. */
    public static final int MAX_NAME_LENGTH = 64;
    /** The most characters all attribute names and values of one session may hold together. */
    public static final int MAX_TOTAL_CHARS = 64 * 1024;

    private String id;
    private final long createdAt;
    private long lastAccessedAt;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private int totalChars;

    /**
     * @param id the session id
     * @param createdAt when the session began, in epoch milliseconds
     * @param lastAccessedAt when a request last used it, in epoch milliseconds
     */
    public SessionData(String id, long createdAt, long lastAccessedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = createdAt;
        this.lastAccessedAt = lastAccessedAt;
    }

    /** @return the session id */
    public String id() {
        return id;
    }

    /**
     * Changes the id, for stores implementing {@link SessionStore#changeId}.
     *
     * @param newId the new id
     */
    public void id(String newId) {
        this.id = Objects.requireNonNull(newId, "id");
    }

    /** @return when the session began, in epoch milliseconds */
    public long createdAt() {
        return createdAt;
    }

    /** @return when a request last used the session, in epoch milliseconds */
    public long lastAccessedAt() {
        return lastAccessedAt;
    }

    /**
     * Records a use of the session.
     *
     * @param now the time, in epoch milliseconds
     */
    public void lastAccessedAt(long now) {
        this.lastAccessedAt = now;
    }

    /**
     * @param name an attribute name
     * @return its value, if set
     */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(Objects.requireNonNull(name, "name")));
    }

    /**
     * Sets or, with a null value, removes an attribute.
     *
     * @param name 1 to {@value #MAX_NAME_LENGTH} characters of {@code [A-Za-z0-9_.-]}
     * @param value the value, or null to remove
     * @throws IllegalArgumentException if the name is not allowed, or the session would exceed
     *         {@value #MAX_TOTAL_CHARS} characters (the attribute is then left unchanged)
     */
    public void attribute(String name, String value) {
        checkName(name);
        String old = attributes.get(name);
        int oldChars = old == null ? 0 : name.length() + old.length();
        int newChars = value == null ? 0 : name.length() + value.length();
        if (totalChars - oldChars + newChars > MAX_TOTAL_CHARS) {
            throw new IllegalArgumentException("session attributes would exceed " + MAX_TOTAL_CHARS + " characters");
        }
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
        totalChars += newChars - oldChars;
    }

    /** @return a read-only view of the attributes, in the order they were first set */
    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    /**
     * @param name a candidate attribute name
     * @return true when it is 1 to {@value #MAX_NAME_LENGTH} characters of {@code [A-Za-z0-9_.-]}
     */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("session attribute names are 1 to " + MAX_NAME_LENGTH
                    + " characters of [A-Za-z0-9_.-]");
        }
    }

    /**
     * Leaves the id and values out, which are credentials and private data.
     *
     * @return e.g. {@code SessionData[attributes=[visits, user]]}
     */
    @Override
    public String toString() {
        return "SessionData[attributes=" + attributes.keySet() + "]";
    }
}
