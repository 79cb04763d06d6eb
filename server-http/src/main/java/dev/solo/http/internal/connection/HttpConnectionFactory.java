package dev.solo.http.internal.connection;

import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionFactory;
import dev.solo.core.spi.ConnectionHandler;
import dev.solo.http.HttpLimits;
import dev.solo.http.internal.routing.HostTable;

/** Opens an {@link HttpConnection} for each socket accepted on one address. */
public final class HttpConnectionFactory implements ConnectionFactory {

    private final ConnectionContext context;
    private final HostTable hosts;

    private HttpConnectionFactory(ConnectionContext context, HostTable hosts) {
        this.context = context;
        this.hosts = hosts;
    }

    /**
     * Factories for every address of one server process, sharing one context (buffers, head encoder).
     *
     * @param limits the protocol limits
     * @param accessLog whether to write the access log
     * @return a function from an address's virtual hosts to its factory
     */
    public static java.util.function.Function<HostTable, ConnectionFactory> shared(HttpLimits limits,
            boolean accessLog) {
        ConnectionContext context = new ConnectionContext(limits, accessLog);
        return hosts -> new HttpConnectionFactory(context, hosts);
    }

    @Override
    public ConnectionHandler open(Transport transport) {
        return new HttpConnection(transport, context, hosts);
    }
}
