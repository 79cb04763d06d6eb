package dev.solo.cgi.internal;

import dev.solo.http.BodySource;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The response body of a script whose output is still coming: the server pulls from it when the socket can take
 * more, and it calls the server back when the poller brought new output after a read found none.
 */
final class ScriptBody implements BodySource {

    private final ScriptRun run;
    private Runnable listener;
    /** True while the server waits for a call back: before the first read and after a read that found nothing. */
    private boolean waiting = true;

    ScriptBody(ScriptRun run) {
        this.run = run;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int count = run.readBody(dst);
        waiting = count == 0;
        return count;
    }

    @Override
    public void onReadable(Runnable readable) {
        this.listener = readable;
    }

    @Override
    public void close() {
        run.bodyClosed();
    }

    /** Tells the server that a read would now produce bytes, reach the end or fail. */
    void signal() {
        if (waiting && listener != null) {
            waiting = false;
            listener.run();
        }
    }
}
