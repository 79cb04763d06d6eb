package dev.solo.tls.internal;

import java.util.List;
import java.util.Map;

/**
 * {@code ssl_ciphers} in OpenSSL's names, as nginx takes them, mapped to the JDK's (IANA) names.
 *
 * <p>Only suites with forward secrecy and an AEAD cipher are named by default; a list copied from an nginx config
 * may also name the older CBC suites or use OpenSSL's keywords ({@code HIGH:!aNULL:!MD5}, nginx's own default),
 * which stand for this module's default list. TLS 1.3 suites are not chosen by {@code ssl_ciphers} (as in
 * OpenSSL, where they have a directive of their own) and are always the three of RFC 8446 §9.1.
 */
final class CipherNames {

    /** TLS 1.3 suites (RFC 8446 §B.4), always offered when TLS 1.3 is on. */
    static final List<String> TLS13 = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    /** The default TLS 1.2 list: ECDHE only (forward secrecy), AEAD only; Mozilla's "intermediate" minus DHE. */
    static final List<String> MODERN_TLS12 = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /** OpenSSL name to IANA name, for the suites the JDK implements. */
    static final Map<String, String> OPENSSL = Map.ofEntries(
            Map.entry("ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("DHE-RSA-AES128-GCM-SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("DHE-RSA-AES256-GCM-SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("DHE-RSA-CHACHA20-POLY1305", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("ECDHE-ECDSA-AES128-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
            Map.entry("ECDHE-RSA-AES128-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry("ECDHE-ECDSA-AES256-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
            Map.entry("ECDHE-RSA-AES256-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
            Map.entry("ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
            Map.entry("ECDHE-RSA-AES128-SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry("ECDHE-ECDSA-AES256-SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry("ECDHE-RSA-AES256-SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"));

    private CipherNames() {
    }

    /**
     * @param token one element of a colon-separated {@code ssl_ciphers} list
     * @return true for OpenSSL's keywords and operators ({@code HIGH}, {@code !aNULL}, {@code +RSA}, ...), which
     *         select by property rather than by name
     */
    static boolean isKeyword(String token) {
        if (token.startsWith("!") || token.startsWith("-") || token.startsWith("+") || token.startsWith("@")) {
            return true;
        }
        return token.indexOf('-') < 0 && token.indexOf('_') < 0;
    }
}
