package dev.solo.cgi.internal;

import dev.solo.http.Headers;
import dev.solo.http.Status;
import java.util.List;
import java.util.Objects;

/**
 * The header block of a script's output, interpreted (RFC 3875 §6.2): what kind of response it asks for, the status,
 * the fields to send on, and the session updates it requested.
 *
 * @param kind the kind of response (§6.2.1 document, §6.2.2 local redirect, §6.2.3/6.2.4 client redirect)
 * @param status the status to send; for a local redirect, 200 (unused)
 * @param headers the fields to send, without CGI fields and without the fields the server owns
 * @param location the {@code Location} value, or null
 * @param sessionUpdates {@code X-Solo-Session-Set} requests, in order
 */
record ScriptHead(Kind kind, Status status, Headers headers, String location,
                         List<SessionUpdate> sessionUpdates) {

    /** The response kinds of RFC 3875 §6.2. */
    public enum Kind {
        /** A document, with its own status or 200 (§6.2.1, §6.2.4). */
        DOCUMENT,
        /** {@code Location: /path} without a status: the server serves that path instead (§6.2.2). */
        LOCAL_REDIRECT,
        /** {@code Location: scheme://...} without a status: 302 to the client (§6.2.3). */
        CLIENT_REDIRECT
    }

    /**
     * One session attribute change.
     *
     * @param name the attribute name
     * @param value the new value, or null to remove the attribute
     */
    public record SessionUpdate(String name, String value) {
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component other than {@code location} is null
     */
    public ScriptHead {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(headers, "headers");
        sessionUpdates = List.copyOf(sessionUpdates);
    }
}
