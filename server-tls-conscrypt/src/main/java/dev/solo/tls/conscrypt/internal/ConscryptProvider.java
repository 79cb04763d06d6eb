package dev.solo.tls.conscrypt.internal;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.conscrypt.OpenSSLProvider;

/**
 * Conscrypt's TLS as a {@code java.security.Provider} named "Conscrypt", which loads BoringSSL's native library only
 * when the first {@code SSLContext} is made from it.
 *
 * <p>Why not Conscrypt's own provider class: making one loads the native library at once, and every provider in
 * the module layer is made whenever the JDK looks up one of its own providers that is not built into
 * {@code java.base} (SunEC, for the first ECDSA signature): the JDK iterates the {@code java.security.Provider}
 * services and makes each until the name matches. With Conscrypt's class here, every TLS server would load
 * BoringSSL, even with {@code ssl_provider jdk}, and on a platform without the library fail to (quietly). This
 * class is cheap to make: it registers only the {@code SSLContext} algorithms, and each service makes Conscrypt's
 * provider on first use and asks it for the context, wrapped in a {@link TicketingContext} so that its engines issue
 * session tickets. Conscrypt's ciphers, signatures and key factories are not
 * offered: only the TLS engines are wanted, and they use BoringSSL directly.
 */
public final class ConscryptProvider extends Provider {

    private static final long serialVersionUID = 1L;
    /** The SSLContext algorithms Conscrypt implements that a server may ask for. */
    private static final List<String> CONTEXTS = List.of("TLS", "TLSv1.2", "TLSv1.3");

    /** Conscrypt's provider, made (and its native library loaded) on the first context. */
    private transient Provider conscrypt;

    /** Creates the provider without loading any native code ({@link java.util.ServiceLoader} needs it public). */
    public ConscryptProvider() {
        super("Conscrypt", version(), "Conscrypt's TLS over BoringSSL (native library loaded on first use)");
        for (String protocol : CONTEXTS) {
            putService(new LazyContext(this, protocol));
        }
    }

    /** Conscrypt's version from its jar's manifest, without initialising any of its classes. */
    private static String version() {
        String version = OpenSSLProvider.class.getPackage().getImplementationVersion();
        return version != null ? version : "0";
    }

    /**
     * @return Conscrypt's own provider
     * @throws NoSuchAlgorithmException when its native library cannot be loaded on this machine (none in the jar for
     *         this platform, or a temporary directory that does not allow executing it), with the reason
     */
    synchronized Provider conscrypt() throws NoSuchAlgorithmException {
        if (conscrypt == null) {
            try {
                conscrypt = new OpenSSLProvider();
            } catch (LinkageError e) {
                NoSuchAlgorithmException failure = new NoSuchAlgorithmException("Conscrypt's native library cannot be"
                        + " loaded: " + e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
        return conscrypt;
    }

    /** One SSLContext algorithm, handed to Conscrypt's provider when a context is made. */
    private static final class LazyContext extends Provider.Service {

        LazyContext(ConscryptProvider provider, String protocol) {
            super(provider, "SSLContext", protocol, "org.conscrypt.OpenSSLContextImpl", null, null);
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            Provider conscrypt = ((ConscryptProvider) getProvider()).conscrypt();
            return new TicketingContext(SSLContext.getInstance(getAlgorithm(), conscrypt));
        }
    }
}
