package dev.solo.http;

/**
 * What a request that came over TLS knows about its connection: the negotiated protocol and cipher, the name the
 * client asked for (SNI), and the client certificate when mutual TLS is configured. The names follow mod_ssl's CGI
 * variables, which nginx's {@code $ssl_*} variables mirror.
 *
 * @param protocol the protocol version, e.g. {@code TLSv1.3}
 * @param cipher the cipher suite, e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param serverName the SNI host name the client sent (lower case), or null when it sent none
 * @param clientSubject the client certificate's subject (RFC 2253), or null when the client sent no certificate
 * @param clientVerify {@code SUCCESS}, {@code FAILED:reason} or {@code NONE}, as mod_ssl's {@code SSL_CLIENT_VERIFY}
 */
public record TlsInfo(String protocol, String cipher, String serverName, String clientSubject, String clientVerify) {
}
