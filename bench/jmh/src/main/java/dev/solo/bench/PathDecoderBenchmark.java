package dev.solo.bench;

import dev.solo.http.codec.PathDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@link PathDecoder#decode(String)} on the three kinds of path it sees: plain (the fast path that returns its
 * input), percent-encoded UTF-8, and one with dot and empty segments to remove.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PathDecoderBenchmark {

    /** The raw path. */
    @Param({
        "/static/css/site.css",
        "/docs/caf%C3%A9/na%C3%AFve%20file%20name.html",
        "/a/./b/../c//d/./e/../index.html"
    })
    public String rawPath;

    /** Decodes and normalises the path. */
    @Benchmark
    public String decode() {
        return PathDecoder.decode(rawPath);
    }
}
