package dev.solo.bench;

import dev.solo.http.HttpLimits;
import dev.solo.http.codec.BodyDecoder;
import dev.solo.http.codec.BodyFraming;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Chunked body decoding ({@link BodyDecoder} with {@link BodyFraming#CHUNKED}): 64 KiB of content in chunks of the
 * given size, with a trailer field at the end, all in one buffer. The score is per body; divide by the chunk count
 * for the cost of one chunk's framing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BodyDecoderBenchmark {

    static final int CONTENT_BYTES = 64 * 1024;

    /** Size of each chunk: many tiny chunks stress the framing, large ones the slicing. */
    @Param({"16", "1024", "16384"})
    public int chunkSize;

    private BodyDecoder decoder;
    private ByteBuffer body;

    /** Encodes the chunked body once. */
    @Setup
    public void setUp() {
        decoder = new BodyDecoder(HttpLimits.DEFAULTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[chunkSize];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) ('a' + i % 26);
        }
        for (int sent = 0; sent < CONTENT_BYTES; sent += chunkSize) {
            out.writeBytes((Integer.toHexString(chunkSize) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(chunk);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\nX-Checksum: 1234abcd\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        body = ByteBuffer.wrap(out.toByteArray());
    }

    /** Decodes the whole body and returns the content byte count (64 KiB when correct). */
    @Benchmark
    public long chunkedBody() {
        body.rewind();
        decoder.start(BodyFraming.CHUNKED, -1);
        long content = 0;
        ByteBuffer slice;
        while ((slice = decoder.next(body)) != null) {
            content += slice.remaining();
        }
        if (!decoder.isComplete()) {
            throw new IllegalStateException("body not complete after " + content + " bytes");
        }
        return content;
    }
}
