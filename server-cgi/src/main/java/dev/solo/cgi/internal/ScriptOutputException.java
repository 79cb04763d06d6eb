package dev.solo.cgi.internal;

/**
 * A script's output breaks RFC 3875 §6 (no header block, a malformed line, a block too large, no Content-Type,
 * Location or Status): the server answers 502. The message is for the log only, never for the client.
 */
final class ScriptOutputException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, for the log */
    public ScriptOutputException(String message) {
        super(message, null, false, false);
    }
}
