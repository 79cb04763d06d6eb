package dev.solo.core.spi;

/**
 * A protocol's state for one connection, attached to its selection key. The loop calls these methods on its thread;
 * an exception thrown from them closes this connection only and is logged.
 */
public interface ConnectionHandler {

    /** The socket has bytes (or EOF) to read; read at most once. */
    void onReadable();

    /**
     * An outgoing connection opened with {@link dev.solo.core.EventLoop#connect} is established; accepted connections
     * never see this. Declare interest from here on.
     */
    default void onConnected() {
    }

    /** The socket can take more bytes; write at most once. */
    void onWritable();

    /** The transport was closed, by either side; release everything the connection holds. Called once. */
    void onClosed();

    /**
     * The server is stopping: close now if idle, otherwise finish the request in flight and close after it. The loop
     * closes whatever is still open when the grace period ends.
     */
    void onShutdown();
}
