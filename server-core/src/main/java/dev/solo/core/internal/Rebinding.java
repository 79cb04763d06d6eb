package dev.solo.core.internal;

import dev.solo.core.BindFailure;
import dev.solo.core.Listener;
import dev.solo.core.ListenerChanges;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a running loop from one set of listeners to another, as a reload asks: an address in both keeps its socket
 * (the kernel's accept queue is never closed, so no client is refused) and only its protocol is swapped; a new address
 * is bound; an address that is gone is closed. All or nothing: every new address is bound before anything else
 * changes, and if one fails the ones just bound are closed and the loop serves on as before.
 *
 * <p>Addresses are matched as configured ({@code 127.0.0.1:0} matches {@code 127.0.0.1:0}), so a listener on port 0
 * keeps the port it was given. Whether an address uses {@code SO_REUSEPORT} is fixed when it is first bound.
 */
final class Rebinding {

    private Rebinding() {
    }

    /**
     * @param loop the loop, on its thread
     * @param acceptors the open acceptors, replaced in place by the new ones in listener order
     * @param next the listeners wanted from now on
     * @param backlog the listen queue length for new sockets
     * @return what changed
     * @throws BindFailure when a new address cannot be bound; nothing changed then
     */
    static ListenerChanges apply(SelectorLoop loop, List<Acceptor> acceptors, List<Listener> next, int backlog)
            throws BindFailure {
        Map<InetSocketAddress, Acceptor> open = new HashMap<>();
        for (Acceptor acceptor : acceptors) {
            open.put(acceptor.listener().address(), acceptor);
        }
        Map<Listener, Acceptor> bound = new HashMap<>();
        List<InetSocketAddress> added = new ArrayList<>();
        for (Listener listener : next) {
            if (open.containsKey(listener.address())) {
                continue;
            }
            try {
                Acceptor acceptor = Acceptor.bind(loop, listener, backlog);
                bound.put(listener, acceptor);
                added.add(acceptor.boundAddress());
            } catch (IOException e) {
                bound.values().forEach(Acceptor::close);
                throw new BindFailure(listener, e);
            }
        }
        List<Acceptor> result = new ArrayList<>();
        List<InetSocketAddress> kept = new ArrayList<>();
        for (Listener listener : next) {
            Acceptor acceptor = bound.get(listener);
            if (acceptor == null) {
                acceptor = open.remove(listener.address());
                acceptor.retarget(listener);
                kept.add(acceptor.boundAddress());
            }
            result.add(acceptor);
        }
        List<InetSocketAddress> removed = new ArrayList<>();
        for (Acceptor gone : open.values()) {
            removed.add(gone.boundAddress());
            gone.close();
        }
        acceptors.clear();
        acceptors.addAll(result);
        return new ListenerChanges(kept, added, removed);
    }
}
