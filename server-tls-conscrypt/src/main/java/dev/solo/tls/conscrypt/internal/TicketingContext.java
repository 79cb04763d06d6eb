package dev.solo.tls.conscrypt.internal;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.conscrypt.Conscrypt;

/**
 * Conscrypt's context, whose engines issue session tickets. Conscrypt's engines send none unless told so through
 * its own API ({@code Conscrypt.setUseSessionTickets}); without tickets a TLS 1.3 client cannot resume at all (TLS 1.3
 * has no session IDs), so every reconnection would be a full handshake. The JDK's engines and nginx issue them by
 * default, and so does this context; the ticket keys are BoringSSL's, one set per context, made at random.
 */
final class TicketingContext extends SSLContextSpi {

    private final SSLContext conscrypt;

    TicketingContext(SSLContext conscrypt) {
        this.conscrypt = conscrypt;
    }

    private static SSLEngine withTickets(SSLEngine engine) {
        Conscrypt.setUseSessionTickets(engine, true);
        return engine;
    }

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
            throws KeyManagementException {
        conscrypt.init(keys, trust, random);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        return conscrypt.getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        return conscrypt.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return withTickets(conscrypt.createSSLEngine());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return withTickets(conscrypt.createSSLEngine(host, port));
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return conscrypt.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return conscrypt.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return conscrypt.getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return conscrypt.getSupportedSSLParameters();
    }
}
