package dev.solo.tls.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads PEM files as {@code openssl req}, {@code openssl genpkey} and certbot write them: certificate chains (leaf
 * first), and private keys in PKCS#8 ({@code BEGIN PRIVATE KEY}), traditional RSA ({@code BEGIN RSA PRIVATE KEY},
 * PKCS#1) and EC ({@code BEGIN EC PRIVATE KEY}, SEC 1).
 *
 * <p>The JDK reads X.509 and PKCS#8 itself; the two traditional forms are wrapped into PKCS#8 with a few bytes of DER
 * (RFC 5208 §5) rather than by adding BouncyCastle: its jars weigh about 9 MB and its provider adds class loading to
 * every start, for two key formats that differ from PKCS#8 only by a header. Encrypted keys are refused with a clear
 * message, as nginx asks for a passphrase file instead.
 */
final class PemFiles {

    /** rsaEncryption, 1.2.840.113549.1.1.1 (RFC 8017 Appendix C). */
    private static final byte[] RSA_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    /** id-ecPublicKey, 1.2.840.10045.2.1 (RFC 5480 §2.1.1). */
    private static final byte[] EC_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemFiles() {
    }

    /** One {@code -----BEGIN TYPE-----} block, decoded. */
    record Block(String type, byte[] der) {
    }

    static List<Block> blocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                return blocks;
            }
            int typeEnd = text.indexOf("-----", begin + 11);
            if (typeEnd < 0) {
                throw new IOException("unterminated PEM header");
            }
            String type = text.substring(begin + 11, typeEnd);
            String endMarker = "-----END " + type + "-----";
            int end = text.indexOf(endMarker, typeEnd);
            if (end < 0) {
                throw new IOException("no '" + endMarker + "'");
            }
            String body = text.substring(typeEnd + 5, end);
            if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
                throw new IOException("the key is encrypted; decrypt it first (openssl pkey -in KEY -out KEY.plain)");
            }
            try {
                blocks.add(new Block(type, Base64.getMimeDecoder().decode(body.strip())));
            } catch (IllegalArgumentException e) {
                throw new IOException("invalid base64 in the " + type + " block");
            }
            at = end + endMarker.length();
        }
    }

    /**
     * @param file a PEM file with one or more certificates
     * @return the certificates in file order (leaf first, then its chain)
     * @throws IOException when the file cannot be read or holds no certificate
     */
    static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (block.type().equals("CERTIFICATE") || block.type().equals("TRUSTED CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IOException("not a valid X.509 certificate: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw new IOException("no '-----BEGIN CERTIFICATE-----' block");
        }
        return chain;
    }

    /**
     * @param file a PEM file with one private key (other blocks, such as {@code EC PARAMETERS}, are skipped)
     * @return the key
     * @throws IOException when the file cannot be read or holds no usable key
     */
    static PrivateKey privateKey(Path file) throws IOException {
        for (Block block : blocks(file)) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return pkcs8(block.der());
                case "RSA PRIVATE KEY":
                    return pkcs8(wrap(RSA_OID, new byte[] {0x05, 0x00}, block.der()));
                case "EC PRIVATE KEY":
                    return pkcs8(wrap(EC_OID, sec1Curve(block.der()), block.der()));
                case "ENCRYPTED PRIVATE KEY":
                    throw new IOException("the key is encrypted; decrypt it first (openssl pkey -in KEY -out "
                            + "KEY.plain)");
                default:
                    break;
            }
        }
        throw new IOException("no private key block (expected BEGIN PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der) throws IOException {
        String[] algorithms = {"EC", "RSA", "RSASSA-PSS", "Ed25519", "Ed448"};
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm: try the next
            }
        }
        throw new IOException("the private key is not a supported RSA, EC or EdDSA key");
    }

    /**
     * PrivateKeyInfo ::= SEQUENCE { version INTEGER (0), algorithm AlgorithmIdentifier, privateKey OCTET STRING }
     * (RFC 5208 §5), around a PKCS#1 or SEC 1 key.
     */
    private static byte[] wrap(byte[] algorithmOid, byte[] parameters, byte[] key) {
        byte[] algorithm = tlv(0x30, concat(tlv(0x06, algorithmOid), parameters));
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key)));
    }

    /**
     * The named curve of a SEC 1 key: ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] parameters
     * OPTIONAL, [1] publicKey OPTIONAL } (RFC 5915 §3), returned as the complete OID element.
     */
    private static byte[] sec1Curve(byte[] der) throws IOException {
        Der reader = new Der(der);
        Der sequence = reader.enter(0x30);
        sequence.skip(0x02);
        sequence.skip(0x04);
        while (sequence.hasMore()) {
            if (sequence.peekTag() == 0xa0) {
                Der parameters = sequence.enter(0xa0);
                return parameters.element(0x06);
            }
            sequence.skipAny();
        }
        throw new IOException("the EC key does not name its curve");
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A cursor over DER elements: just enough to find the curve of a SEC 1 key. */
    private static final class Der {
        private final byte[] bytes;
        private final int end;
        private int at;

        Der(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        private Der(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean hasMore() {
            return at < end;
        }

        int peekTag() {
            return bytes[at] & 0xff;
        }

        /** @return the length of the element at the cursor, moving the cursor to its content */
        private int header(int tag) throws IOException {
            if (at + 2 > end || (tag >= 0 && (bytes[at] & 0xff) != tag)) {
                throw new IOException("malformed key (DER)");
            }
            at++;
            int first = bytes[at++] & 0xff;
            if (first < 0x80) {
                return checked(first);
            }
            int count = first & 0x7f;
            if (count == 0 || count > 3 || at + count > end) {
                throw new IOException("malformed key (DER length)");
            }
            int length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (bytes[at++] & 0xff);
            }
            return checked(length);
        }

        private int checked(int length) throws IOException {
            if (at + length > end) {
                throw new IOException("malformed key (DER length past the end)");
            }
            return length;
        }

        Der enter(int tag) throws IOException {
            int length = header(tag);
            Der inner = new Der(bytes, at, at + length);
            at += length;
            return inner;
        }

        void skip(int tag) throws IOException {
            int length = header(tag); // not "at += header(tag)": that would add to the cursor from before the header
            at += length;
        }

        void skipAny() throws IOException {
            int length = header(-1);
            at += length;
        }

        byte[] element(int tag) throws IOException {
            int start = at;
            int length = header(tag);
            at += length;
            byte[] copy = new byte[at - start];
            System.arraycopy(bytes, start, copy, 0, copy.length);
            return copy;
        }
    }
}
