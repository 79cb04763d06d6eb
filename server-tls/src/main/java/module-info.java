/**
 * HTTPS for Solo: {@code listen 8443 ssl;} with nginx's {@code ssl_*} directives, the JDK's {@link
 * javax.net.ssl.SSLEngine} driven by the one loop.
 *
 * <pre>
 * server {
 *     listen 127.0.0.1:8443 ssl;
 *     server_name example.com;
 *     ssl_certificate     /etc/letsencrypt/live/example.com/fullchain.pem;
 *     ssl_certificate_key /etc/letsencrypt/live/example.com/privkey.pem;
 *     ssl_protocols TLSv1.2 TLSv1.3;
 *     root www;
 * }
 * </pre>
 *
 * <p>{@code ssl_provider conscrypt;} makes the engines with another JCA provider, found among the {@link
 * java.security.Provider} services by name: Conscrypt (BoringSSL) is module {@code dev.solo.tls.conscrypt}.
 *
 * <p>Nothing is exported: the module only provides. The HTTP module finds it with {@link java.util.ServiceLoader};
 * without it on the module path, a {@code listen ... ssl} is a config error.
 *
 * @provides dev.solo.http.spi.TlsProvider TLS 1.2 and 1.3 with the JDK's provider
 * @provides dev.solo.config.spi.DirectiveProvider the ssl_* directives
 * @uses java.security.Provider the provider that {@code ssl_provider} names
 */
module dev.solo.tls {
    requires dev.solo.http;
    requires org.slf4j;

    // ssl_provider NAME: the JCA providers of the modules on the module path, looked up by name (SecurityProviders).
    uses java.security.Provider;

    // The HTTP module wraps each "listen ... ssl" address with this provider's connection factory.
    provides dev.solo.http.spi.TlsProvider
            with dev.solo.tls.internal.JdkTlsProvider;
    // ssl_certificate, ssl_certificate_key, ssl_protocols, ssl_ciphers, ... so configurations using them validate.
    provides dev.solo.config.spi.DirectiveProvider
            with dev.solo.tls.internal.TlsDirectives;
}
