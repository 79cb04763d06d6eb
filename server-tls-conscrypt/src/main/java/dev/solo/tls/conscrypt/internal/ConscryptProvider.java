package dev.solo.tls.conscrypt.internal;

import org.conscrypt.Conscrypt;
import org.conscrypt.OpenSSLProvider;

/**
 * Conscrypt's provider as a {@code java.security.Provider} service. {@code Conscrypt}'s own provider class cannot be
 * named in this module's {@code provides} (it lives in another module), so this class offers it through the static
 * {@code provider()} method that {@link java.util.ServiceLoader} calls on the module path. On the class path
 * (tests), {@code META-INF/services} names {@code org.conscrypt.OpenSSLProvider}, the same provider, directly.
 *
 * <p>The method returns {@code OpenSSLProvider} rather than {@code Provider} on purpose: {@link
 * java.util.ServiceLoader.Provider#type()} is then Conscrypt's class, which tells {@code dev.solo.tls} that this is
 * not one of the JDK's own providers (those it skips without making them).
 */
public final class ConscryptProvider {

    private ConscryptProvider() {
    }

    /**
     * Makes the provider; the first call loads BoringSSL's native library.
     *
     * @return a new Conscrypt provider, named "Conscrypt" (what {@code Conscrypt.newProvider()} makes)
     * @throws UnsatisfiedLinkError when this platform has no native library in Conscrypt's jar, or it cannot be
     *         loaded (the message says why; {@code dev.solo.tls} reports it at the {@code ssl_provider} directive)
     */
    public static OpenSSLProvider provider() {
        // Throws the loader's own error (with the reason: no library for this platform, no executable temp folder)
        // instead of a NoClassDefFoundError on the first use of a native method.
        Conscrypt.checkAvailability();
        return new OpenSSLProvider();
    }
}
