package dev.solo.tls.internal;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code ssl_*} directives of one server block into a {@link ServerTls}: loads the PEM files, checks that
 * each key belongs to its certificate, and builds the {@link SSLContext}. Every mistake is a {@link ConfigException}
 * at the directive (an expired certificate is only a warning: the server still starts, as nginx does).
 */
final class TlsSettings {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSettings.class);
    static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");
    /** nginx's default {@code ssl_session_timeout}. */
    static final int DEFAULT_SESSION_TIMEOUT_SECONDS = 300;

    private final Directive server;
    private final Function<String, Optional<Directive>> inherited;
    /** The {@code ssl_provider}'s, or null for the JDK's. */
    private final Provider provider;
    private final List<ConfigError> errors = new ArrayList<>();

    private TlsSettings(Directive server, Function<String, Optional<Directive>> inherited, Provider provider) {
        this.server = server;
        this.inherited = inherited;
        this.provider = provider;
    }

    static ServerTls load(Directive server, Function<String, Optional<Directive>> inherited) throws ConfigException {
        return load(server, inherited, null);
    }

    /**
     * @param server the server block
     * @param inherited looks a directive up in the block, then the top level
     * @param provider the provider that makes the context ({@code ssl_provider}), or null for the JDK's
     * @return the block's TLS
     * @throws ConfigException with every mistake in the block's ssl_* directives
     */
    static ServerTls load(Directive server, Function<String, Optional<Directive>> inherited, Provider provider)
            throws ConfigException {
        return new TlsSettings(server, inherited, provider).build();
    }

    private ServerTls build() throws ConfigException {
        CertificateKeys keys = keys();
        List<String> protocols = protocols();
        List<String> suites = cipherSuites(protocols);
        String verify = inherited.apply("ssl_verify_client").map(d -> d.arg(0)).orElse("off");
        List<X509Certificate> clientCas = clientCertificates(verify);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        boolean tickets = flag("ssl_session_tickets", true);
        if (!tickets && provider != null) {
            // Turning tickets off is a property of the JDK's engines; another provider's are its own (Conscrypt's
            // module turns them on, as the JDK and nginx have them).
            Directive off = inherited.apply("ssl_session_tickets").orElse(server);
            throw new ConfigException(List.of(new ConfigError(off.position(), "ssl_session_tickets off needs"
                    + " ssl_provider jdk (with " + provider.getName().toLowerCase(Locale.ROOT) + " tickets stay on)")));
        }
        int timeout = inherited.apply("ssl_session_timeout").isPresent()
                ? (int) Math.min(Integer.MAX_VALUE, inherited.apply("ssl_session_timeout").get().durationArg(0)
                        .toSeconds())
                : DEFAULT_SESSION_TIMEOUT_SECONDS;
        try {
            SSLContext context = provider != null ? SSLContext.getInstance("TLS", provider) : newContext(tickets);
            ClientTrust clientTrust = clientCas.isEmpty() ? null
                    : new ClientTrust(pkix(clientCas), verify.equals("on"));
            TrustManager[] trust = clientTrust == null ? null : new TrustManager[] {clientTrust};
            context.init(new KeyManager[] {keys}, trust, null);
            context.getServerSessionContext().setSessionTimeout(timeout);
            SSLParameters parameters = new SSLParameters(suites.toArray(String[]::new),
                    protocols.toArray(String[]::new));
            parameters.setUseCipherSuitesOrder(flag("ssl_prefer_server_ciphers", true));
            if (verify.equals("on")) {
                parameters.setNeedClientAuth(true);
            } else if (verify.equals("optional")) {
                parameters.setWantClientAuth(true);
            }
            String with = provider != null ? " with " + provider.getName() : "";
            return new ServerTls(context, parameters, "server at " + server.position() + " " + protocols + with,
                    keys.pairs().stream().map(p -> p.chain()[0]).toList(),
                    provider != null && verify.equals("optional") ? clientTrust : null);
        } catch (GeneralSecurityException e) {
            throw server.error("cannot set up TLS: " + e.getMessage());
        }
    }

    /**
     * Session tickets (RFC 5077, and TLS 1.3's stateless PSK) are a property the JDK reads when a context is made,
     * from {@code jdk.tls.server.enableSessionTicketExtension}; it is set for the moment this context is created
     * (on the thread that builds the site, before any loop runs) and restored at once.
     */
    private static SSLContext newContext(boolean tickets) throws GeneralSecurityException {
        if (tickets) {
            return SSLContext.getInstance("TLS");
        }
        String property = "jdk.tls.server.enableSessionTicketExtension";
        String before = System.getProperty(property);
        System.setProperty(property, "false");
        try {
            return SSLContext.getInstance("TLS");
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    private boolean flag(String name, boolean fallback) throws ConfigException {
        Optional<Directive> directive = inherited.apply(name);
        return directive.isPresent() ? directive.get().flagArg(0) : fallback;
    }

    private List<Directive> serverOrTop(String name) {
        List<Directive> own = server.children(name);
        if (!own.isEmpty()) {
            return own;
        }
        return inherited.apply(name).map(List::of).orElse(List.of());
    }

    private CertificateKeys keys() {
        List<Directive> certificates = serverOrTop("ssl_certificate");
        List<Directive> keyFiles = serverOrTop("ssl_certificate_key");
        if (certificates.isEmpty()) {
            errors.add(new ConfigError(server.position(),
                    "this server listens with ssl but has no ssl_certificate (and ssl_certificate_key)"));
            return null;
        }
        if (certificates.size() != keyFiles.size()) {
            Directive extra = certificates.size() > keyFiles.size() ? certificates.get(keyFiles.size())
                    : keyFiles.get(certificates.size());
            errors.add(new ConfigError(extra.position(), certificates.size() + " ssl_certificate but "
                    + keyFiles.size() + " ssl_certificate_key: each certificate needs its key, in the same order"));
            return null;
        }
        List<CertificateKeys.Pair> pairs = new ArrayList<>();
        Set<String> keyTypes = new LinkedHashSet<>();
        for (int i = 0; i < certificates.size(); i++) {
            Directive certificate = certificates.get(i);
            Directive key = keyFiles.get(i);
            List<X509Certificate> chain = read(certificate);
            PrivateKey privateKey = key(key);
            if (chain == null || privateKey == null) {
                continue;
            }
            if (!belongTogether(chain.get(0).getPublicKey(), privateKey)) {
                errors.add(new ConfigError(key.args().get(0).position(), "the key in '" + key.arg(0)
                        + "' does not match the certificate in '" + certificate.arg(0) + "'"));
                continue;
            }
            if (provider != null && !pairs.isEmpty()) {
                // Choosing between an RSA and an ECDSA pair relies on the JDK's engine asking the key manager during
                // the handshake with the client's key types; Conscrypt sets one pair on the connection before the
                // handshake starts, so a second one would be served to some clients and not others.
                errors.add(new ConfigError(certificate.position(), "a second ssl_certificate in this server: with"
                        + " ssl_provider " + provider.getName().toLowerCase(Locale.ROOT) + " each server has one"
                        + " certificate (the choice between an RSA and an ECDSA one needs ssl_provider jdk)"));
                continue;
            }
            if (!keyTypes.add(privateKey.getAlgorithm())) {
                errors.add(new ConfigError(certificate.position(), "a second " + privateKey.getAlgorithm()
                        + " certificate in this server: one per key type (for instance one RSA and one ECDSA)"));
                continue;
            }
            warnIfNotValidNow(certificate, chain.get(0));
            pairs.add(new CertificateKeys.Pair(certificate.position().toString(),
                    chain.toArray(X509Certificate[]::new), privateKey));
        }
        return new CertificateKeys(pairs);
    }

    private List<X509Certificate> read(Directive directive) {
        Path path;
        try {
            path = directive.resolvePath(0);
        } catch (ConfigException e) {
            errors.addAll(e.errors());
            return null;
        }
        try {
            return PemFiles.certificates(path);
        } catch (IOException e) {
            errors.add(new ConfigError(directive.args().get(0).position(), "cannot read certificate '" + path
                    + "': " + message(e)));
            return null;
        }
    }

    private PrivateKey key(Directive directive) {
        Path path;
        try {
            path = directive.resolvePath(0);
        } catch (ConfigException e) {
            errors.addAll(e.errors());
            return null;
        }
        try {
            return PemFiles.privateKey(path);
        } catch (IOException e) {
            errors.add(new ConfigError(directive.args().get(0).position(), "cannot read key '" + path + "': "
                    + message(e)));
            return null;
        }
    }

    private static String message(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    /** Signs and verifies a few bytes: works for every key type, and for RSA the moduli are compared first. */
    static boolean belongTogether(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey instanceof RSAPublicKey && privateKey instanceof RSAPrivateCrtKey) {
            return ((RSAPublicKey) publicKey).getModulus().equals(((RSAPrivateCrtKey) privateKey).getModulus());
        }
        if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) {
            return false;
        }
        String algorithm;
        switch (privateKey.getAlgorithm()) {
            case "EC":
                algorithm = "SHA256withECDSA";
                break;
            case "RSA":
                algorithm = "SHA256withRSA";
                break;
            default:
                algorithm = privateKey.getAlgorithm();
                break;
        }
        try {
            byte[] probe = "solo key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void warnIfNotValidNow(Directive directive, X509Certificate leaf) {
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException e) {
            LOG.warn("{}: warning: the certificate in '{}' expired on {}; clients will refuse it",
                    directive.position(), directive.arg(0), leaf.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            LOG.warn("{}: warning: the certificate in '{}' is not valid before {}", directive.position(),
                    directive.arg(0), leaf.getNotBefore().toInstant());
        }
    }

    private List<String> protocols() {
        Optional<Directive> directive = inherited.apply("ssl_protocols");
        if (directive.isEmpty()) {
            return DEFAULT_PROTOCOLS;
        }
        Set<String> chosen = new LinkedHashSet<>();
        Directive d = directive.get();
        for (int i = 0; i < d.argCount(); i++) {
            String name = d.arg(i);
            switch (name) {
                case "TLSv1.2":
                case "TLSv1.3":
                    chosen.add(name);
                    break;
                case "SSLv2":
                case "SSLv3":
                case "TLSv1":
                case "TLSv1.1":
                    errors.add(new ConfigError(d.args().get(i).position(), name + " is not secure any more "
                            + "(RFC 8996) and not offered: use TLSv1.2 and TLSv1.3"));
                    break;
                default:
                    errors.add(new ConfigError(d.args().get(i).position(), "unknown protocol '" + name
                            + "' (known: TLSv1.2, TLSv1.3)"));
                    break;
            }
        }
        // The JDK lists them newest first; the order does not matter to the handshake.
        return List.copyOf(chosen);
    }

    private List<String> cipherSuites(List<String> protocols) {
        Set<String> suites = new LinkedHashSet<>();
        if (protocols.contains("TLSv1.3")) {
            suites.addAll(CipherNames.TLS13);
        }
        Optional<Directive> directive = inherited.apply("ssl_ciphers");
        if (directive.isEmpty()) {
            suites.addAll(CipherNames.MODERN_TLS12);
            return List.copyOf(suites);
        }
        Directive d = directive.get();
        Set<String> supported;
        try {
            supported = Set.of(supportedSuites().getCipherSuites());
        } catch (GeneralSecurityException e) {
            supported = Set.of();
        }
        boolean keyword = false;
        for (String token : d.arg(0).split("[:, ]+")) {
            if (token.isEmpty()) {
                continue;
            }
            String iana = CipherNames.OPENSSL.getOrDefault(token, token.toUpperCase(Locale.ROOT).equals(token)
                    && token.startsWith("TLS_") ? token : null);
            if (iana != null && supported.contains(iana)) {
                suites.add(iana);
            } else if (CipherNames.isKeyword(token)) {
                keyword = true;
            } else {
                errors.add(new ConfigError(d.args().get(0).position(), "unknown or unsupported cipher '" + token
                        + "' in ssl_ciphers" + (provider != null ? " (by ssl_provider "
                        + provider.getName().toLowerCase(Locale.ROOT) + ")" : "")));
            }
        }
        if (keyword) {
            suites.addAll(CipherNames.MODERN_TLS12);
        }
        return List.copyOf(suites);
    }

    /** The suites the chosen provider implements: Conscrypt has no DHE and fewer CBC suites than the JDK. */
    private SSLParameters supportedSuites() throws GeneralSecurityException {
        if (provider == null) {
            return SSLContext.getDefault().getSupportedSSLParameters();
        }
        SSLContext context = SSLContext.getInstance("TLS", provider);
        context.init(null, null, null);
        return context.getSupportedSSLParameters();
    }

    private List<X509Certificate> clientCertificates(String verify) {
        Optional<Directive> directive = inherited.apply("ssl_client_certificate");
        if (directive.isEmpty()) {
            if (!verify.equals("off")) {
                Directive where = inherited.apply("ssl_verify_client").orElse(server);
                errors.add(new ConfigError(where.position(), "ssl_verify_client " + verify
                        + " needs ssl_client_certificate (the CA certificates to verify clients with)"));
            }
            return List.of();
        }
        if (verify.equals("off")) {
            return List.of();
        }
        List<X509Certificate> cas = read(directive.get());
        return cas == null ? List.of() : cas;
    }

    private static X509ExtendedTrustManager pkix(List<X509Certificate> cas) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager) manager;
            }
        }
        throw new GeneralSecurityException("no PKIX trust manager");
    }
}
