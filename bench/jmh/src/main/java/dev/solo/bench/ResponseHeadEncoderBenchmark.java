package dev.solo.bench;

import dev.solo.http.Headers;
import dev.solo.http.Status;
import dev.solo.http.codec.ResponseHeadEncoder;
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
 * The codec's public, stateless {@link ResponseHeadEncoder#encode(Status, Headers)}: every field, {@code Date} and
 * {@code Content-Length} included, arrives as a {@code String} in {@link Headers} and every character is checked
 * and copied. This is the baseline that the server's own head encoder (see
 * {@code dev.solo.http.internal.connection.HeadEncoderBenchmark}) improves on, and what other users of the codec
 * (CGI) pay. The score is one head; the allocation is the head's exact-size array and its {@code ByteBuffer}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResponseHeadEncoderBenchmark {

    /** A 200 for a cached static file, or the server's built-in 404 page. */
    @Param({"staticFile", "errorPage"})
    public String response;

    private Status status;
    private Headers headers;

    /** Builds the fields once: the same {@code Headers} is encoded on every invocation. */
    @Setup
    public void setUp() {
        if (response.equals("staticFile")) {
            status = Status.OK;
            headers = staticFile();
        } else {
            status = Status.NOT_FOUND;
            headers = errorPage();
        }
    }

    /** What the static-file handler sends for a small CSS file, plus the fields the server adds (7 fields). */
    static Headers staticFile() {
        return new Headers()
                .add("Last-Modified", "Tue, 14 May 2024 09:21:37 GMT")
                .add("ETag", "\"17cf1a0b2e3d4f50-1f3a\"")
                .add("Accept-Ranges", "bytes")
                .add("Content-Type", "text/css; charset=utf-8")
                .add("Content-Length", "7994")
                .add("Date", "Wed, 15 May 2024 12:00:00 GMT")
                .add("Server", "Solo");
    }

    /** What the built-in error page sends, plus the fields the server adds (4 fields). */
    static Headers errorPage() {
        return new Headers()
                .add("Content-Type", "text/html; charset=utf-8")
                .add("Content-Length", "812")
                .add("Date", "Wed, 15 May 2024 12:00:00 GMT")
                .add("Server", "Solo");
    }

    /** Encodes the head into a new buffer. */
    @Benchmark
    public ByteBuffer encode() {
        return ResponseHeadEncoder.encode(status, headers);
    }
}
