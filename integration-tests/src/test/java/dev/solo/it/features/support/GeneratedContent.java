package dev.solo.it.features.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Pseudo-random bytes, the same for the same seed and length, generated as they are read: a test can stream hundreds
 * of megabytes to the server without holding them in memory or writing them to disk, and knows their SHA-256
 * without keeping a copy. Random bytes hold every byte value, line endings and boundary look-alikes included, so a
 * body mangled by a charset conversion or a multipart parser shows.
 *
 * @param seed selects the byte sequence
 * @param length how many bytes
 */
public record GeneratedContent(long seed, long length) {

    /** Mebibyte, for readable sizes. */
    public static final long MIB = 1024L * 1024;

    /** Checks the arguments. */
    public GeneratedContent {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length);
        }
    }

    /**
     * @param seed selects the byte sequence
     * @param length how many bytes
     * @return the content
     */
    public static GeneratedContent of(long seed, long length) {
        return new GeneratedContent(seed, length);
    }

    /** @return a fresh stream of the bytes, from the first */
    public InputStream stream() {
        return new Generator(seed, length);
    }

    /**
     * @return the bytes in one array
     * @throws IllegalStateException when they do not fit in one
     */
    public byte[] bytes() {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too large for an array: " + length);
        }
        try (InputStream in = stream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file where to write the bytes; replaced if it exists
     * @return the file
     * @throws IOException when it cannot be written
     */
    public Path writeTo(Path file) throws IOException {
        try (InputStream in = stream(); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return file;
    }

    /** @return the SHA-256 of the bytes, in lower-case hex */
    public String sha256() {
        try (InputStream in = stream()) {
            return sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A request body of these bytes with a known length: the JDK client sends {@code Content-Length}.
     *
     * @return the publisher
     */
    public HttpRequest.BodyPublisher withContentLength() {
        if (length == 0) {
            // fromPublisher takes only positive lengths; an empty array is sent as Content-Length: 0.
            return HttpRequest.BodyPublishers.ofByteArray(new byte[0]);
        }
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::stream), length);
    }

    /**
     * A request body of these bytes with an unknown length: the JDK client sends it chunked (RFC 9112 §7.1).
     *
     * @return the publisher
     */
    public HttpRequest.BodyPublisher chunked() {
        return HttpRequest.BodyPublishers.ofInputStream(this::stream);
    }

    /**
     * @param in a stream, read to its end (not closed)
     * @return the SHA-256 of what it held, in lower-case hex
     * @throws IOException when reading fails
     */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param bytes some bytes
     * @return their SHA-256 in lower-case hex
     */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /**
     * @param file a file
     * @return the SHA-256 of its content in lower-case hex
     * @throws IOException when it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Produces the bytes eight at a time from a {@link SplittableRandom}: fast, and the same for the same seed. */
    private static final class Generator extends InputStream {

        private final SplittableRandom random;
        private long remaining;
        private long word;
        private int wordBytesLeft;

        Generator(long seed, long length) {
            this.random = new SplittableRandom(seed);
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            return nextByte() & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (count == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(count, remaining);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = nextByte();
            }
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(remaining, Integer.MAX_VALUE);
        }

        private byte nextByte() {
            if (wordBytesLeft == 0) {
                word = random.nextLong();
                wordBytesLeft = Long.BYTES;
            }
            byte b = (byte) word;
            word >>>= 8;
            wordBytesLeft--;
            remaining--;
            return b;
        }
    }
}
