package dev.solo.tls.internal.connection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Looks into the first TLS record, before any engine exists, for the SNI host name (RFC 6066 §3): the server block,
 * and so the certificate and settings, must be chosen before the handshake starts. Reads without consuming; the
 * engine later reads the same bytes.
 */
final class ClientHello {

    /** What the first bytes of a connection are. */
    enum Kind { NEED_MORE, TLS, PLAIN_HTTP, OTHER }

    private static final int RECORD_HEADER = 5;
    private static final int HANDSHAKE = 0x16;
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_NAME = 0;

    private ClientHello() {
    }

    /**
     * @param in the bytes received so far, from position to limit
     * @return what they are; TLS once the whole first record is there (or the buffer is full)
     */
    static Kind classify(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return Kind.NEED_MORE;
        }
        int first = in.get(in.position()) & 0xff;
        if (first != HANDSHAKE) {
            // An HTTP method starts with an upper-case letter (RFC 9110 §9.1 tokens, in practice GET, POST...).
            return first >= 'A' && first <= 'Z' ? Kind.PLAIN_HTTP : Kind.OTHER;
        }
        if (in.remaining() < RECORD_HEADER) {
            return Kind.NEED_MORE;
        }
        int length = in.getShort(in.position() + 3) & 0xffff;
        boolean complete = in.remaining() >= RECORD_HEADER + length || in.remaining() == in.capacity();
        return complete ? Kind.TLS : Kind.NEED_MORE;
    }

    /**
     * @param in a buffer whose remaining bytes start with the first record
     * @return the host name the client asked for, lower case, or null when it sent none (or the hello is cut)
     */
    static String serverName(ByteBuffer in) {
        ByteBuffer b = in.duplicate();
        try {
            b.position(b.position() + RECORD_HEADER);
            if ((b.get() & 0xff) != CLIENT_HELLO) {
                return null;
            }
            skip(b, 3 + 2 + 32);                 // handshake length, legacy_version, random
            skip(b, b.get() & 0xff);             // legacy_session_id
            skip(b, b.getShort() & 0xffff);      // cipher_suites
            skip(b, b.get() & 0xff);             // legacy_compression_methods
            int extensionsEnd = (b.getShort() & 0xffff) + b.position();
            while (b.position() + 4 <= extensionsEnd) {
                int type = b.getShort() & 0xffff;
                int length = b.getShort() & 0xffff;
                if (type != SERVER_NAME) {
                    skip(b, length);
                    continue;
                }
                int listEnd = (b.getShort() & 0xffff) + b.position();
                while (b.position() + 3 <= listEnd) {
                    int nameType = b.get() & 0xff;
                    int nameLength = b.getShort() & 0xffff;
                    if (nameType == 0) {
                        byte[] name = new byte[nameLength];
                        b.get(name);
                        return new String(name, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
                    }
                    skip(b, nameLength);
                }
                return null;
            }
            return null;
        } catch (RuntimeException e) {
            // BufferUnderflow or a bad position: a hello cut short or malformed; the engine will judge it.
            return null;
        }
    }

    private static void skip(ByteBuffer b, int count) {
        b.position(b.position() + count);
    }
}
