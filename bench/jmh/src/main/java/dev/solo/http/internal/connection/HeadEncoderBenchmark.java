package dev.solo.http.internal.connection;

import dev.solo.http.Headers;
import dev.solo.http.Status;
import java.nio.ByteBuffer;
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
 * The server's hot-path head encoder, {@link HeadEncoder#encode}, which every response goes through: the handler's
 * fields in {@link Headers}, {@code Content-Length}, {@code Date}, {@code Server} and {@code Connection} written
 * from pre-encoded bytes, and field values copied through the identity memo of {@link EncodedValues}.
 *
 * <p>The static-file response is measured twice. With {@code values=shared} every response carries the very same
 * {@code String} instances, as the file cache hands out one entry's ETag, Last-Modified and Content-Type: the memo
 * hits and each value is one {@code arraycopy}. With {@code values=fresh} every response carries new instances with
 * the same text (a handler that formats its values per response): the memo misses, checks each character, and
 * remembers a copy of the bytes. Both cycle through {@value #COPIES} pre-built {@code Headers}, so that the only
 * difference is string identity and the benchmark itself allocates nothing; with three memorable values per head
 * and {@value EncodedValues#SLOTS} slots, a fresh value is evicted long before its {@code Headers} comes round again.
 * The error page is the built-in 404: one constant {@code Content-Type}.
 *
 * <p>The wall clock is fixed, so the {@code Date} line, formatted once a second in the server, is never reformatted
 * here. The allocation is the head's array and its {@code ByteBuffer}, plus, on a memo miss, the remembered bytes.
 *
 * <p>This class sits in package {@code dev.solo.http.internal.connection} because {@code HeadEncoder} is
 * package-private: the benchmarks run on the class path, where a package split between this jar and server-http's
 * is allowed (on the module path it would not be).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeadEncoderBenchmark {

    static final int COPIES = 1024;
    /** A fixed instant: 2024-05-15T12:00:00Z. */
    static final long WALL_MILLIS = 1_715_774_400_000L;
    static final long FILE_LENGTH = 7994;
    static final long ERROR_PAGE_LENGTH = 812;

    private final HeadEncoder encoder = new HeadEncoder();
    private final Headers errorPage = new Headers().add("Content-Type", "text/html; charset=utf-8");

    /** The static-file responses to encode, one per invocation in turn. */
    @State(Scope.Thread)
    public static class StaticFiles {

        /** Whether every response carries the same value instances, or new ones with the same text. */
        @Param({"shared", "fresh"})
        public String values;

        private final Headers[] responses = new Headers[COPIES];
        private int next;

        /** Builds the {@value HeadEncoderBenchmark#COPIES} responses. */
        @Setup
        public void setUp() {
            String lastModified = "Tue, 14 May 2024 09:21:37 GMT";
            String etag = "\"17cf1a0b2e3d4f50-1f3a\"";
            String contentType = "text/css; charset=utf-8";
            boolean fresh = values.equals("fresh");
            for (int i = 0; i < COPIES; i++) {
                // new String(char[]) makes a distinct instance; new String(String) would too, but shares the array.
                responses[i] = new Headers()
                        .add("Last-Modified", fresh ? new String(lastModified.toCharArray()) : lastModified)
                        .add("ETag", fresh ? new String(etag.toCharArray()) : etag)
                        .add("Accept-Ranges", "bytes")
                        .add("Content-Type", fresh ? new String(contentType.toCharArray()) : contentType);
            }
        }

        Headers next() {
            Headers headers = responses[next];
            next = (next + 1) & (COPIES - 1);
            return headers;
        }
    }

    /** A 200 for a small cached CSS file on a keep-alive HTTP/1.1 connection. */
    @Benchmark
    public ByteBuffer staticFile(StaticFiles files) {
        return encoder.encode(Status.OK, files.next(), FILE_LENGTH, false, HeadEncoder.ConnectionField.NONE,
                WALL_MILLIS);
    }

    /** The built-in 404 page on a keep-alive HTTP/1.1 connection. */
    @Benchmark
    public ByteBuffer errorPage() {
        return encoder.encode(Status.NOT_FOUND, errorPage, ERROR_PAGE_LENGTH, false, HeadEncoder.ConnectionField.NONE,
                WALL_MILLIS);
    }
}
