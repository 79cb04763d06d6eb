package dev.solo.core;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What {@link Server#rebind} did to the listening sockets, for the reload's log line.
 *
 * @param kept addresses whose socket stayed open (no connection refused while the config changed)
 * @param added addresses bound anew
 * @param removed addresses whose socket was closed
 */
public record ListenerChanges(List<InetSocketAddress> kept, List<InetSocketAddress> added,
        List<InetSocketAddress> removed) {

    /**
     * Copies the lists.
     *
     * @param kept addresses whose socket stayed open
     * @param added addresses bound anew
     * @param removed addresses whose socket was closed
     */
    public ListenerChanges {
        kept = List.copyOf(kept);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
