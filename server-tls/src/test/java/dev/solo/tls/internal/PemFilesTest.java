package dev.solo.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

    @TempDir
    Path directory;

    @Test
    void readsPkcs8TraditionalRsaAndSec1EcKeysThatMatchTheirCertificates() throws Exception {
        OpenSsl.run(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key", "-out",
                "rsa.crt", "-days", "2", "-subj", "/CN=rsa.test");
        OpenSsl.run(directory, "rsa", "-in", "rsa.key", "-out", "rsa-pkcs1.key", "-traditional");
        OpenSsl.selfSigned(directory, "ec", "ec.test");
        OpenSsl.run(directory, "ec", "-in", "ec.key", "-out", "ec-sec1.key");
        // "openssl ecparam -genkey" writes an EC PARAMETERS block before the key, which must be skipped.
        OpenSsl.run(directory, "ecparam", "-name", "prime256v1", "-genkey", "-out", "ecparam.key");

        assertTrue(Files.readString(directory.resolve("rsa-pkcs1.key")).startsWith("-----BEGIN RSA PRIVATE KEY"));
        assertTrue(Files.readString(directory.resolve("ec-sec1.key")).startsWith("-----BEGIN EC PRIVATE KEY"));
        assertTrue(Files.readString(directory.resolve("ecparam.key")).startsWith("-----BEGIN EC PARAMETERS"));

        X509Certificate rsa = PemFiles.certificates(directory.resolve("rsa.crt")).get(0);
        X509Certificate ec = PemFiles.certificates(directory.resolve("ec.crt")).get(0);
        for (String file : List.of("rsa.key", "rsa-pkcs1.key")) {
            PrivateKey key = PemFiles.privateKey(directory.resolve(file));
            assertEquals("RSA", key.getAlgorithm());
            assertTrue(TlsSettings.belongTogether(rsa.getPublicKey(), key), file);
        }
        for (String file : List.of("ec.key", "ec-sec1.key")) {
            PrivateKey key = PemFiles.privateKey(directory.resolve(file));
            assertEquals("EC", key.getAlgorithm());
            assertTrue(TlsSettings.belongTogether(ec.getPublicKey(), key), file);
        }
        assertEquals("EC", PemFiles.privateKey(directory.resolve("ecparam.key")).getAlgorithm());
        assertTrue(!TlsSettings.belongTogether(ec.getPublicKey(), PemFiles.privateKey(directory.resolve(
                "ecparam.key"))), "another EC key does not match");
    }

    @Test
    void readsAChainLeafFirst() throws Exception {
        OpenSsl.selfSigned(directory, "one", "one.test");
        OpenSsl.selfSigned(directory, "two", "two.test");
        Files.writeString(directory.resolve("chain.pem"), Files.readString(directory.resolve("one.crt"))
                + Files.readString(directory.resolve("two.crt")));
        List<X509Certificate> chain = PemFiles.certificates(directory.resolve("chain.pem"));
        assertEquals(2, chain.size());
        assertEquals("CN=one.test", chain.get(0).getSubjectX500Principal().getName());
    }

    @Test
    void refusesAnEncryptedKeyWithAMessageThatSaysWhatToDo() throws Exception {
        OpenSsl.run(directory, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256",
                "-pass", "pass:secret", "-out", "encrypted.key");
        IOException e = assertThrows(IOException.class, () -> PemFiles.privateKey(directory.resolve("encrypted.key")));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void aFileWithoutCertificateIsAnError() throws Exception {
        Files.writeString(directory.resolve("empty.pem"), "nothing here\n");
        assertThrows(IOException.class, () -> PemFiles.certificates(directory.resolve("empty.pem")));
        assertThrows(IOException.class, () -> PemFiles.privateKey(directory.resolve("empty.pem")));
    }
}
