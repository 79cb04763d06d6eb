/**
 * Cookies (RFC 6265) and sessions for Solo.
 *
 * <p>Add this module to the module path and {@code exchange.session(true)} gives handlers a session; configure it with
 * the {@code session_*} directives:
 * <pre>
 * session_store file;
 * session_dir sessions;
 * session_timeout 30m;          # or: session_store redis; session_redis redis://127.0.0.1:6379;
 * server {
 *     listen 8080;
 *     location /session/ { session_demo on; }
 * }
 * </pre>
 *
 * @uses dev.solo.session.spi.SessionStoreProvider found by the session manager provider, one per server block
 * @provides dev.solo.http.spi.SessionManagerProvider cookie-carried sessions
 */
module dev.solo.session {
    // Headers (in Cookies.parse) and the http SPI types appear in this module's API.
    requires transitive dev.solo.http;
    requires org.slf4j;

    exports dev.solo.session;
    exports dev.solo.session.spi;

    // The stores are loaded for CookieSessionManagerProvider (by dev.solo.config.spi.Plugins); this line makes JPMS
    // resolve the modules that provide them (service binding).
    uses dev.solo.session.spi.SessionStoreProvider;

    // The http module asks for at most one session manager provider: this is it.
    provides dev.solo.http.spi.SessionManagerProvider
            with dev.solo.session.internal.CookieSessionManagerProvider;
    // The session_* and session_demo directives, so configurations using them validate.
    provides dev.solo.config.spi.DirectiveProvider
            with dev.solo.session.internal.SessionDirectives;
    // The demo pages, enabled per location by `session_demo on;`.
    provides dev.solo.http.spi.HandlerProvider
            with dev.solo.session.internal.demo.SessionDemoHandlerProvider;
    // The built-in stores: memory is the default, file keeps sessions across restarts, redis shares them between
    // processes and hosts.
    provides dev.solo.session.spi.SessionStoreProvider
            with dev.solo.session.internal.store.MemorySessionStoreProvider,
                 dev.solo.session.internal.store.FileSessionStoreProvider,
                 dev.solo.session.internal.store.RedisSessionStoreProvider;
}
