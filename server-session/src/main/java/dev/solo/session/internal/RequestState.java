package dev.solo.session.internal;

/** The session side of one request: the session it uses and what its response must tell the browser. */
final class RequestState {

    /** The session the request uses, or null when it has none (yet, or any more). */
    SessionView session;
    /** The response must hand out the session's id: it is new or was renewed. */
    boolean issueCookie;
    /** The response must clear the cookie: the session was invalidated and no other started. */
    boolean clearCookie;
    /** Attributes changed and are not saved yet. */
    boolean dirty;
    /** The response head went out: changes are saved at once, and cookies can no longer be set. */
    boolean responded;
    /** A store across the network was asked before the handlers ran; {@link #found} holds its answer. */
    boolean lookedUp;
    /** What that lookup found, or null. */
    dev.solo.session.spi.SessionData found;
    /** That lookup failed: the store is unavailable, and a page that needs the session answers 503. */
    boolean unavailable;
}
