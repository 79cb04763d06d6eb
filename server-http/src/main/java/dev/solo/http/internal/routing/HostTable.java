package dev.solo.http.internal.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The virtual hosts on one address:port. A {@code Host} is matched exactly, then against leading wildcards
 * ({@code *.example.com}, longest suffix first), else the request goes to the address's default server: the first
 * server that listed the address, or the one marked {@code default_server}.
 */
public final class HostTable {

    private final Map<String, VirtualServer> exact = new HashMap<>();
    private final List<Map.Entry<String, VirtualServer>> wildcards = new ArrayList<>();
    private final List<VirtualServer> servers = new ArrayList<>();
    private VirtualServer defaultServer;
    /** On a TLS address, the servers that verify client certificates: see {@link #needsOwnHandshake}. */
    private final Set<VirtualServer> ownHandshake = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * The table that replaced this one when a reload kept the address, or null: connections opened before the reload
     * hold this table, and their next request is routed by the new one (see {@link #forwardTo}).
     */
    private HostTable successor;

    /**
     * @param server a server that listens on this address
     * @param markedDefault whether its {@code listen} carried {@code default_server}
     */
    public void add(VirtualServer server, boolean markedDefault) {
        servers.add(server);
        if (defaultServer == null || markedDefault) {
            defaultServer = server;
        }
        for (String name : server.names()) {
            if (name.startsWith("*.")) {
                wildcards.add(Map.entry(name.substring(1), server));
                wildcards.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
            } else {
                exact.putIfAbsent(name, server);
            }
        }
    }

    /**
     * @param host the request's host without port, or null
     * @return the server for it
     */
    public VirtualServer select(String host) {
        if (successor != null) {
            return latest().select(host);
        }
        if (host == null || host.isEmpty()) {
            return defaultServer;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        VirtualServer hit = exact.get(name);
        if (hit != null) {
            return hit;
        }
        // Indexed rather than for-each: this runs for every request whose host is not an exact name (a client that
        // sends an IP address), and the iterator was the one allocation left in routing.
        for (int i = 0; i < wildcards.size(); i++) {
            Map.Entry<String, VirtualServer> wildcard = wildcards.get(i);
            if (name.endsWith(wildcard.getKey()) && name.length() > wildcard.getKey().length()) {
                return wildcard.getValue();
            }
        }
        return defaultServer;
    }

    /**
     * Marks a server whose requests must arrive over a handshake made with its own TLS settings (it verifies client
     * certificates).
     *
     * @param server a server of this address
     */
    public void requireOwnHandshake(VirtualServer server) {
        ownHandshake.add(server);
    }

    /**
     * Whether a request routed to a server must have come over a handshake made with that server's settings.
     *
     * @param server the server the request's {@code Host} selects
     * @return true for a server that verifies client certificates
     */
    public boolean needsOwnHandshake(VirtualServer server) {
        return successor != null ? latest().needsOwnHandshake(server) : ownHandshake.contains(server);
    }

    /** @return the default server of this address */
    public VirtualServer defaultServer() {
        return successor != null ? latest().defaultServer : defaultServer;
    }

    /**
     * Sends every later lookup to the table a reload built for the same address. Loop thread only. A request already
     * routed keeps the server it was given, so it finishes under the configuration it started with.
     *
     * @param next the new table
     */
    public void forwardTo(HostTable next) {
        if (next != this) {
            successor = next;
        }
    }

    /** Follows the chain of reloads to the table in use, shortening it for the next lookup. */
    private HostTable latest() {
        HostTable table = successor;
        while (table.successor != null) {
            table = table.successor;
        }
        successor = table;
        return table;
    }

    /** @return every server on this address, in config order */
    public List<VirtualServer> servers() {
        return servers;
    }

    /**
     * @param name a configured name
     * @return the server that already claimed it on this address, or null
     */
    public VirtualServer claimedBy(String name) {
        return name.startsWith("*.")
                ? wildcards.stream().filter(e -> e.getKey().equals(name.substring(1))).map(Map.Entry::getValue)
                        .findFirst().orElse(null)
                : exact.get(name);
    }
}
