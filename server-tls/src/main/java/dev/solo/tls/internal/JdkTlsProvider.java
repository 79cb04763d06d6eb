package dev.solo.tls.internal;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.core.spi.ConnectionFactory;
import dev.solo.http.spi.TlsProvider;
import dev.solo.tls.internal.connection.TlsBuffers;
import dev.solo.tls.internal.connection.TlsEndpoint;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLSession;

/** TLS with the JDK's own provider (SunJSSE): nothing to install, TLS 1.2 and 1.3. */
public final class JdkTlsProvider implements TlsProvider {

    /** Shared by every TLS address of the site this provider instance serves. */
    private TlsBuffers buffers;

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public JdkTlsProvider() {
    }

    @Override
    public ServerCredentials configure(Directive server, Function<String, Optional<Directive>> inherited)
            throws ConfigException {
        return TlsSettings.load(server, inherited);
    }

    @Override
    public ConnectionFactory wrap(ConnectionFactory plain, Function<String, ServerCredentials> bySniName,
            long handshakeTimeoutMillis) {
        if (buffers == null) {
            SSLSession sizes = ((ServerTls) bySniName.apply(null)).newEngine().getSession();
            buffers = new TlsBuffers(sizes.getPacketBufferSize(), sizes.getApplicationBufferSize());
        }
        return new TlsEndpoint(plain, bySniName, handshakeTimeoutMillis, buffers);
    }
}
