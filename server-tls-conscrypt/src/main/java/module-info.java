/**
 * {@code ssl_provider conscrypt;}: HTTPS with <a href="https://github.com/google/conscrypt">Conscrypt</a>, Google's
 * Java Cryptography Architecture provider over BoringSSL, instead of the JDK's own TLS (SunJSSE).
 *
 * <pre>
 * ssl_provider conscrypt;
 * server {
 *     listen 443 ssl;
 *     ssl_certificate     fullchain.pem;
 *     ssl_certificate_key privkey.pem;
 * }
 * </pre>
 *
 * <p>Why a module of its own, and not part of {@code dev.solo.tls}: it brings a native library (BoringSSL in
 * Conscrypt's jar, built for linux-x86_64, osx-x86_64 and windows only), so a server that does not choose it loads
 * no native code and runs wherever Java runs; and it brings the only third-party jar outside logging. It knows
 * nothing of Solo: it offers a {@link java.security.Provider}, which {@code dev.solo.tls} finds among the
 * {@code java.security.Provider} services by the name in {@code ssl_provider} and asks for its {@code SSLContext}.
 * Any other JCA provider module with a TLS {@code SSLContext} could be chosen the same way.
 *
 * @provides java.security.Provider Conscrypt's TLS contexts, named "Conscrypt"; its native library is loaded with the
 *           first context, which only a configuration that names it makes
 */
module dev.solo.tls.conscrypt {
    // An automatic module (Automatic-Module-Name in Conscrypt's jar), with the native library inside.
    requires org.conscrypt;

    // Found by dev.solo.tls (uses java.security.Provider) by its name; the JDK makes it too, when it looks for its own
    // providers, which is why making it loads no native code (see ConscryptProvider).
    provides java.security.Provider
            with dev.solo.tls.conscrypt.internal.ConscryptProvider;
}
