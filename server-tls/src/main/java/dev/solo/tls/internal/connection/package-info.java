/**
 * TLS on the loop: {@link dev.solo.tls.internal.connection.TlsEndpoint} opens a {@code TlsConnection} per socket,
 * which peeks at the ClientHello for the SNI name, handshakes with the chosen server's engine, and then carries the
 * HTTP connection as its transport.
 */
package dev.solo.tls.internal.connection;
