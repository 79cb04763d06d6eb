package dev.solo.session.internal.redis;

/**
 * A failed Redis command: an error reply ({@code -ERR ...}, {@code -NOAUTH ...}), or no answer at all because the
 * server is unreachable, the connection broke, the command timed out or too many commands were pending.
 */
public final class RedisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, as Redis or the client says it */
    public RedisException(String message) {
        super(message, null, false, false);
    }
}
