package dev.solo.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Receives a request body as it arrives, on the loop thread. */
public interface BodyConsumer {

    /**
     * @param content the next decoded bytes; valid only during the call, so consume or copy them all
     * @throws IOException a failure that aborts the exchange (the server answers 500, or 507 for a full disk)
     */
    void onData(ByteBuffer content) throws IOException;

    /**
     * The whole body has arrived; the handler responds now or later.
     *
     * @throws IOException a failure that aborts the exchange
     */
    void onComplete() throws IOException;

    /**
     * The body will not complete: the client went away or stalled, or it broke a limit. Release what was made.
     *
     * @param cause why
     */
    void onAbort(Throwable cause);
}
