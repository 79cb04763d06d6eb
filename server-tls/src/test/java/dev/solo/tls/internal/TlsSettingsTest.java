package dev.solo.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.Directive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {

    @TempDir
    Path directory;

    @BeforeEach
    void makeCertificates() throws Exception {
        OpenSsl.selfSigned(directory, "site", "site.test");
        OpenSsl.selfSigned(directory, "other", "other.test");
    }

    private ServerTls load(String serverBody) throws ConfigException {
        ConfigDocument document = ConfigParser.parse("server {\n" + serverBody + "\n}\n",
                directory.resolve("solo.conf"));
        Directive server = document.directives("server").get(0);
        return TlsSettings.load(server, name -> server.child(name).or(() -> Optional.<Directive>empty()));
    }

    private String errors(String serverBody) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(serverBody));
        return e.getMessage();
    }

    @Test
    void defaultsToTls12And13WithForwardSecretAeadSuitesOnly() throws Exception {
        ServerTls tls = load("ssl_certificate site.crt; ssl_certificate_key site.key;");
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), tls.protocols());
        assertTrue(tls.cipherSuites().stream().allMatch(s -> s.startsWith("TLS_AES") || s.startsWith("TLS_CHACHA")
                || (s.startsWith("TLS_ECDHE_") && (s.contains("GCM") || s.contains("CHACHA20")))),
                tls.cipherSuites().toString());
        assertEquals("off", tls.verifyClient());
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsAnErrorAtTheKey() {
        String message = errors("ssl_certificate site.crt;\nssl_certificate_key other.key;");
        assertTrue(message.contains("solo.conf:3:21: the key in 'other.key' does not match the certificate in "
                + "'site.crt'"), message);
    }

    @Test
    void oldAndUnknownProtocolsAreErrorsAtTheirWord() {
        String message = errors("ssl_certificate site.crt; ssl_certificate_key site.key;\n"
                + "ssl_protocols TLSv1.1 TLSv1.2 TLSv9;");
        assertTrue(message.contains("solo.conf:3:15: TLSv1.1 is not secure any more"), message);
        assertTrue(message.contains("solo.conf:3:31: unknown protocol 'TLSv9'"), message);
    }

    @Test
    void aServerWithoutCertificateOrWithAMissingFileIsAnError() throws Exception {
        assertTrue(errors("root .;").contains("has no ssl_certificate"));
        String missing = errors("ssl_certificate gone.crt; ssl_certificate_key site.key;");
        assertTrue(missing.contains("solo.conf:2:17: cannot read certificate"), missing);
        assertTrue(missing.contains("no such file"), missing);
    }

    @Test
    void cipherListsTakeOpenSslNamesAndKeywordsAndRefuseUnknownNames() throws Exception {
        ServerTls named = load("ssl_certificate site.crt; ssl_certificate_key site.key;\n"
                + "ssl_ciphers ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384;");
        assertTrue(named.cipherSuites().contains("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"));
        assertTrue(!named.cipherSuites().contains("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        ServerTls keywords = load("ssl_certificate site.crt; ssl_certificate_key site.key;\n"
                + "ssl_ciphers HIGH:!aNULL:!MD5;");
        assertTrue(keywords.cipherSuites().contains("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        String message = errors("ssl_certificate site.crt; ssl_certificate_key site.key;\n"
                + "ssl_ciphers ECDHE-ECDSA-RC4-SHA;");
        assertTrue(message.contains("unknown or unsupported cipher 'ECDHE-ECDSA-RC4-SHA'"), message);
    }

    @Test
    void clientVerificationNeedsTheCaFile() throws Exception {
        assertTrue(errors("ssl_certificate site.crt; ssl_certificate_key site.key; ssl_verify_client on;")
                .contains("needs ssl_client_certificate"));
        ServerTls tls = load("ssl_certificate site.crt; ssl_certificate_key site.key; ssl_verify_client optional;"
                + " ssl_client_certificate other.crt;");
        assertEquals("optional", tls.verifyClient());
    }

    @Test
    void buildingAgainReadsTheRenewedCertificateFiles() throws Exception {
        String body = "ssl_certificate site.crt; ssl_certificate_key site.key;";
        ServerTls before = load(body);
        // What certbot does on renewal: new files at the same paths.
        Files.move(directory.resolve("other.crt"), directory.resolve("site.crt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(directory.resolve("other.key"), directory.resolve("site.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ServerTls after = load(body);
        assertNotEquals(before.leafCertificates().get(0), after.leafCertificates().get(0));
        assertEquals("CN=other.test", after.leafCertificates().get(0).getSubjectX500Principal().getName());
    }
}
