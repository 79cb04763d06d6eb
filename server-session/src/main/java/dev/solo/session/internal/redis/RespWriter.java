package dev.solo.session.internal.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes Redis commands in RESP2: an array of bulk strings, {@code *N\r\n$len\r\narg\r\n...}, the one form every
 * Redis accepts for every command (so arguments may hold any bytes, spaces and line breaks included).
 */
final class RespWriter {

    private static final byte[] CRLF = {'\r', '\n'};

    private RespWriter() {
    }

    /**
     * @param args the command name and its arguments, as bytes
     * @return the encoded command, ready to read
     */
    static ByteBuffer encode(byte[]... args) {
        int size = 16;
        for (byte[] arg : args) {
            size += arg.length + 16;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        header(out, '*', args.length);
        for (byte[] arg : args) {
            header(out, '$', arg.length);
            out.put(arg).put(CRLF);
        }
        return out.flip();
    }

    /**
     * @param args the command name and its arguments, as text (UTF-8)
     * @return the encoded command, ready to read
     */
    static ByteBuffer encode(String... args) {
        byte[][] bytes = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return encode(bytes);
    }

    private static void header(ByteBuffer out, char type, int count) {
        out.put((byte) type).put(Integer.toString(count).getBytes(StandardCharsets.US_ASCII)).put(CRLF);
    }
}
