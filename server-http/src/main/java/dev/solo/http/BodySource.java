package dev.solo.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A response body produced over time (a CGI script's output, for instance). The server pulls from it when the socket
 * can take more; when the source has nothing yet it returns 0 and later calls the listener set with
 * {@link #onReadable(Runnable)}. Loop thread only.
 */
public interface BodySource {

    /**
     * @param dst where to put bytes
     * @return bytes produced, 0 when none are ready now, -1 at the end of the body
     * @throws IOException a failure that cuts the response
     */
    int read(ByteBuffer dst) throws IOException;

    /** @param listener to call, on the loop thread, when {@link #read} would produce bytes or reach the end */
    void onReadable(Runnable listener);

    /** Releases the source; called once when the response ends, completed or not. */
    void close();
}
