package dev.solo.testing.handler;

import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.HttpLimits;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.TlsInfo;
import dev.solo.http.Version;
import dev.solo.http.codec.PathDecoder;
import dev.solo.http.codec.RequestDecoder;
import dev.solo.http.codec.RequestHead;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A request head made the way the server makes its own: the head's text goes through the server's
 * {@link RequestDecoder} and the path through its {@link PathDecoder}, so target forms, query splitting, host, framing
 * and path normalisation are the server's, and a head the server would refuse is refused here too.
 */
final class TestRequest implements Request {

    private final RequestHead head;
    private final String path;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final TlsInfo tls;

    private TestRequest(RequestHead head, String path, InetSocketAddress remote, InetSocketAddress local,
            TlsInfo tls) {
        this.head = head;
        this.path = path;
        this.remote = remote;
        this.local = local;
        this.tls = tls;
    }

    /**
     * Decodes a head.
     *
     * @param text the request line and header lines, each ended by CRLF, and the empty line
     * @throws IllegalArgumentException with the server's status and message when the server would refuse the head
     *     before any handler saw it
     */
    static TestRequest decode(String text, InetSocketAddress remote, InetSocketAddress local, TlsInfo tls) {
        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        try {
            ByteBuffer in = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
            if (decoder.decode(in) != RequestDecoder.Result.HEAD_COMPLETE) {
                throw new IllegalArgumentException("incomplete request head: " + text);
            }
            RequestHead head = decoder.head();
            String path = head.targetForm() == RequestHead.TargetForm.ASTERISK ? "*" : PathDecoder.decode(head.path());
            return new TestRequest(head, path, remote, local, tls);
        } catch (HttpException e) {
            throw new IllegalArgumentException("the server answers this request itself, before any handler: "
                    + e.getMessage(), e);
        }
    }

    /** @return true when {@code Expect} holds something other than {@code 100-continue} (the server answers 417) */
    boolean hasUnsupportedExpectation() {
        return head.hasUnsupportedExpectation();
    }

    @Override
    public Method method() {
        return head.method();
    }

    @Override
    public String methodToken() {
        return head.methodToken();
    }

    @Override
    public String target() {
        return head.rawTarget();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawPath() {
        return head.path();
    }

    @Override
    public String query() {
        return head.query();
    }

    @Override
    public Version version() {
        return head.version();
    }

    @Override
    public Headers headers() {
        return head.headers();
    }

    @Override
    public String host() {
        return head.host();
    }

    @Override
    public long contentLength() {
        return head.contentLength();
    }

    @Override
    public boolean hasBody() {
        return head.hasBody();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public TlsInfo tls() {
        return tls;
    }

    @Override
    public String toString() {
        return head.methodToken() + " " + head.rawTarget() + " " + head.version();
    }
}
