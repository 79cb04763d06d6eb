/**
 * HTTP state management for Solo: cookies (RFC 6265) and server-side sessions.
 *
 * <h2>Cookies</h2>
 * {@link dev.solo.session.Cookies} parses a request's {@code Cookie} fields leniently (bad pairs are skipped, never
 * fatal); {@link dev.solo.session.SetCookie} builds {@code Set-Cookie} values strictly (anything outside the RFC 6265
 * §4.1.1 grammar is refused with {@link java.lang.IllegalArgumentException}, never sent raw).
 *
 * <h2>Sessions</h2>
 * With this module on the module path, {@link dev.solo.http.Exchange#session(boolean)} returns the visitor's
 * {@link dev.solo.http.Session}. Sessions start lazily (only {@code session(true)} creates one, and only then does the
 * response carry {@code Set-Cookie}), are carried by a cookie ({@code SOLOSESSION} unless {@code session_cookie NAME;},
 * with {@code Path=/; HttpOnly; SameSite=Lax}, plus {@code Secure} under {@code session_cookie_secure on;}) and are
 * kept by a pluggable store ({@code session_store memory|file|redis;}, see {@link dev.solo.session.spi}; {@code redis}
 * shares sessions between processes and hosts, and the request waits for its session without blocking the loop). Call
 * {@link dev.solo.http.Session#renewId()} when a visitor logs in, so that an id planted beforehand is worthless.
 *
 * <h2>Sessions and CGI</h2>
 * The CGI module passes the session of the request to scripts (it calls {@code exchange.session(false)}, so running a
 * script never starts a session on its own):
 * <ul>
 *   <li><b>In</b>: the environment holds {@code SOLO_SESSION_ID} (the session id) and one variable
 *       {@code SOLO_SESSION_<NAME>} per attribute, where {@code NAME} is the attribute name with its case kept and
 *       {@code .} and {@code -} turned into {@code _} (attribute names are limited to {@code [A-Za-z0-9_.-]}, so this
 *       is always a valid variable name; {@code SOLO_SESSION_ID} wins over an attribute named {@code ID}). Without a
 *       session these variables are absent.</li>
 *   <li><b>Out</b>: a script sets an attribute with a response header line
 *       {@code X-Solo-Session-Set: name=value} (repeatable; everything after the first {@code =} is the value, an
 *       empty value removes the attribute). The server applies it to the session before the response head goes out,
 *       starting a session if needed (so the cookie goes with that response), and does not forward the header to the
 *       client. A name outside {@code [A-Za-z0-9_.-]{1,64}}, or a session growing past 64 Ki characters, is refused
 *       ({@link dev.solo.http.Session#set} throws {@link java.lang.IllegalArgumentException}) and the line ignored.</li>
 * </ul>
 */
package dev.solo.session;
