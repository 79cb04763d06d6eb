package dev.solo.session.internal.redis;

import java.io.IOException;

/** Bytes from the server that are not RESP2 (or exceed the client's caps): the connection cannot be trusted. */
final class RedisProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    RedisProtocolException(String message) {
        super(message);
    }
}
