package dev.solo.http.internal.routing;

import dev.solo.http.spi.TlsProvider;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * Everything the config describes, resolved: the addresses to bind, each with its virtual hosts, and the settings
 * that apply to the whole process.
 *
 * @param bindings one entry per distinct address:port
 * @param maxConnections connections open at once
 * @param accessLog whether to write the access log
 */
public record Site(List<Binding> bindings, int maxConnections, boolean accessLog) {

    /**
     * One address to bind and the servers on it.
     *
     * @param address the address
     * @param hosts its virtual hosts
     * @param origin where the first {@code listen} for it is in the config, {@code file:line:col}
     * @param reusePort whether a {@code listen} for it says {@code reuseport}
     * @param tls for a TLS address, the credentials of each of its servers; null for plain HTTP
     */
    public record Binding(InetSocketAddress address, HostTable hosts, String origin, boolean reusePort,
            Map<VirtualServer, TlsProvider.ServerCredentials> tls) {
    }
}
