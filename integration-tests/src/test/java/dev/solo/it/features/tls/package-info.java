/**
 * HTTPS with real clients: curl, the JDK's HttpClient and SSLSocket, openssl s_client; certificates made by openssl
 * for each test class in a temporary directory (a test CA, servers by name, RSA and ECDSA keys, client certificates).
 */
package dev.solo.it.features.tls;
