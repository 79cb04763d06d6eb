/**
 * HTTPS as a module of its own, found by the HTTP module through {@link java.util.ServiceLoader}
 * ({@link dev.solo.http.spi.TlsProvider}).
 *
 * <p>Why a module and not part of server-core: TLS sits between the socket and HTTP, but what it needs to be
 * configured (server blocks, {@code server_name} rules for SNI, the {@code ssl_*} directives, errors at
 * {@code file:line:col}) is HTTP's; and a server without {@code listen ... ssl} then never loads a JSSE class, which
 * keeps its start-up where it was. The core's transports stay untouched: a {@code TlsConnection} is the socket's
 * handler towards the loop and a {@link dev.solo.http.spi.SecureTransport} towards HTTP.
 *
 * <p>This package reads the configuration: {@link dev.solo.tls.internal.TlsDirectives} declares the directives,
 * {@code TlsSettings} turns one server block into a {@link dev.solo.tls.internal.ServerTls} (an {@code SSLContext}
 * and engine parameters), {@code PemFiles} reads certificates and keys.
 */
package dev.solo.tls.internal;
