package dev.solo.tls.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The certificate and key pairs of one server block; the handshake picks the pair whose key type the client can
 * verify (an ECDSA pair for a client that offers ECDSA signatures, else RSA), as nginx does with two
 * {@code ssl_certificate}s. Only the server side is implemented.
 */
final class CertificateKeys extends X509ExtendedKeyManager {

    /** One pair, named by its position in the config. */
    record Pair(String alias, X509Certificate[] chain, PrivateKey key) {
    }

    private final List<Pair> pairs;

    CertificateKeys(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    List<Pair> pairs() {
        return pairs;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return chooseServerAlias(keyType, issuers, null);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        for (Pair pair : pairs) {
            if (matches(pair.key().getAlgorithm(), keyType)) {
                return pair.alias();
            }
        }
        return null;
    }

    /** The JDK asks for "EC", "RSA", "RSASSA-PSS" or "EdDSA"; an RSA key also signs with RSASSA-PSS (RFC 8446). */
    private static boolean matches(String keyAlgorithm, String keyType) {
        if (keyAlgorithm.equals(keyType)) {
            return true;
        }
        if (keyType.equals("RSASSA-PSS")) {
            return keyAlgorithm.equals("RSA");
        }
        return keyType.equals("EdDSA") && (keyAlgorithm.equals("Ed25519") || keyAlgorithm.equals("Ed448"));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return pairs.stream().filter(p -> matches(p.key().getAlgorithm(), keyType)).map(Pair::alias)
                .toArray(String[]::new);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        for (Pair pair : pairs) {
            if (pair.alias().equals(alias)) {
                return pair.chain().clone();
            }
        }
        return null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        for (Pair pair : pairs) {
            if (pair.alias().equals(alias)) {
                return pair.key();
            }
        }
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
