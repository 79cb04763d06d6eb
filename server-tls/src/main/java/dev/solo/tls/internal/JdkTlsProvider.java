package dev.solo.tls.internal;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.core.spi.ConnectionFactory;
import dev.solo.http.spi.TlsProvider;
import dev.solo.tls.internal.connection.TlsBuffers;
import dev.solo.tls.internal.connection.TlsEndpoint;
import java.security.Provider;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * TLS 1.2 and 1.3 through {@link javax.net.ssl.SSLEngine}: with the JDK's own provider (SunJSSE) by default, nothing to
 * install; or with the JCA provider that {@code ssl_provider} names (see {@link SecurityProviders}).
 */
public final class JdkTlsProvider implements TlsProvider {

    /** Shared by every TLS address of the site this provider instance serves. */
    private TlsBuffers buffers;
    /** The {@code ssl_provider} directive seen first, and its provider (null: the JDK's): one per site. */
    private Directive providerDirective;
    private Provider provider;

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public JdkTlsProvider() {
    }

    @Override
    public ServerCredentials configure(Directive server, Function<String, Optional<Directive>> inherited)
            throws ConfigException {
        Optional<Directive> choice = inherited.apply("ssl_provider");
        if (choice.isPresent() && choice.get() != providerDirective) {
            // Made once per site (each server block's SSLContext comes from the same provider instance).
            provider = SecurityProviders.named(choice.get());
            providerDirective = choice.get();
        }
        return TlsSettings.load(server, inherited, choice.isPresent() ? provider : null);
    }

    @Override
    public ConnectionFactory wrap(ConnectionFactory plain, Function<String, ServerCredentials> bySniName,
            long handshakeTimeoutMillis) {
        if (buffers == null) {
            SSLEngine probe = ((ServerTls) bySniName.apply(null)).newEngine();
            SSLSession sizes = probe.getSession();
            buffers = new TlsBuffers(sizes.getPacketBufferSize(), sizes.getApplicationBufferSize());
            // Before any handshake this frees the engine at once (Conscrypt's holds native memory and a pipe).
            probe.closeOutbound();
        }
        return new TlsEndpoint(plain, bySniName, handshakeTimeoutMillis, buffers);
    }
}
