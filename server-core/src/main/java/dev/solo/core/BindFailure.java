package dev.solo.core;

import java.io.IOException;

/** A listener could not be bound; the message names the address, where it was declared, and the system's reason. */
public final class BindFailure extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Listener listener;

    /**
     * @param listener the listener that failed
     * @param cause the operating system's reason
     */
    public BindFailure(Listener listener, IOException cause) {
        super(listener.origin() + ": cannot listen on " + Addresses.format(listener.address()) + ": "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        this.listener = listener;
    }

    /** @return the listener that failed */
    public Listener listener() {
        return listener;
    }
}
