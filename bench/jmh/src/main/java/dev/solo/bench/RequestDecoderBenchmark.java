package dev.solo.bench;

import dev.solo.http.HttpLimits;
import dev.solo.http.codec.RequestDecoder;
import dev.solo.http.codec.RequestHead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Request-head decoding: one typical browser GET (818 bytes, 16 fields), the same head arriving in two reads,
 * and a pipelined batch of small requests in one buffer, as a load generator sends them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestDecoderBenchmark {

    static final String BROWSER_GET = "GET /docs/guide/getting-started.html?lang=en&ref=nav HTTP/1.1\r\n"
            + "Host: www.example.com\r\n"
            + "Connection: keep-alive\r\n"
            + "sec-ch-ua: \"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\"\r\n"
            + "sec-ch-ua-mobile: ?0\r\n"
            + "sec-ch-ua-platform: \"Linux\"\r\n"
            + "Upgrade-Insecure-Requests: 1\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
            + "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7\r\n"
            + "Sec-Fetch-Site: same-origin\r\n"
            + "Sec-Fetch-Mode: navigate\r\n"
            + "Sec-Fetch-User: ?1\r\n"
            + "Sec-Fetch-Dest: document\r\n"
            + "Referer: https://www.example.com/docs/\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-GB,en;q=0.9,fr;q=0.8\r\n"
            + "Cookie: SESSION=4f9c2d1e8a7b6c5d4e3f2a1b0c9d8e7f; theme=dark\r\n"
            + "\r\n";

    /** What wrk sends: short requests, many of them back to back on one connection. */
    static final String WRK_GET = "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";

    static final int PIPELINED = 16;

    private RequestDecoder decoder;
    private ByteBuffer browser;
    private ByteBuffer firstHalf;
    private ByteBuffer secondHalf;
    private ByteBuffer pipelined;

    /** Builds the decoder and the input buffers once; every invocation rewinds them. */
    @Setup
    public void setUp() {
        decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        byte[] head = BROWSER_GET.getBytes(StandardCharsets.ISO_8859_1);
        browser = ByteBuffer.wrap(head);
        int middle = head.length / 2;
        firstHalf = ByteBuffer.wrap(head, 0, middle).slice();
        secondHalf = ByteBuffer.wrap(head, middle, head.length - middle).slice();
        pipelined = ByteBuffer.wrap(WRK_GET.repeat(PIPELINED).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** One complete browser head in one buffer. */
    @Benchmark
    public RequestHead browserGet() {
        browser.rewind();
        decoder.reset();
        decoder.decode(browser);
        return decoder.head();
    }

    /** The same head split across two reads, so the partial line is carried over between calls. */
    @Benchmark
    public RequestHead browserGetInTwoReads() {
        firstHalf.rewind();
        secondHalf.rewind();
        decoder.reset();
        decoder.decode(firstHalf);
        decoder.decode(secondHalf);
        return decoder.head();
    }

    /** Sixteen short pipelined requests in one buffer; the score is per request. */
    @Benchmark
    @OperationsPerInvocation(PIPELINED)
    public void pipelinedBatch(Blackhole blackhole) {
        pipelined.rewind();
        while (pipelined.hasRemaining()) {
            decoder.reset();
            decoder.decode(pipelined);
            blackhole.consume(decoder.head());
        }
    }
}
