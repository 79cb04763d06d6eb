/**
 * The session manager behind {@link dev.solo.http.spi.SessionManager} ({@code CookieSessionManager}), its provider,
 * and the {@code session_*} directives. Not exported; JPMS instantiates the providers anyway.
 */
package dev.solo.session.internal;
