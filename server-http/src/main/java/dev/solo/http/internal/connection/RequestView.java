package dev.solo.http.internal.connection;

import dev.solo.http.Headers;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.TlsInfo;
import dev.solo.http.Version;
import dev.solo.http.codec.RequestHead;
import java.net.InetSocketAddress;

/** A parsed head with its decoded path and the connection's addresses, as handlers see it. */
final class RequestView implements Request {

    private final RequestHead head;
    private final Method method;
    private final String target;
    private final String rawPath;
    private final String query;
    private final String path;
    private final boolean hasBody;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final TlsInfo tls;

    RequestView(RequestHead head, String path, InetSocketAddress remote, InetSocketAddress local, TlsInfo tls) {
        this(head, head.method(), head.rawTarget(), head.path(), head.query(), path, head.hasBody(), remote, local,
                tls);
    }

    private RequestView(RequestHead head, Method method, String target, String rawPath, String query, String path,
            boolean hasBody, InetSocketAddress remote, InetSocketAddress local, TlsInfo tls) {
        this.head = head;
        this.method = method;
        this.target = target;
        this.rawPath = rawPath;
        this.query = query;
        this.path = path;
        this.hasBody = hasBody;
        this.remote = remote;
        this.local = local;
        this.tls = tls;
    }

    /**
     * A GET without body for another path, keeping the original's headers and addresses (an internal redirect).
     *
     * @param rawTarget the new target as given, path and optional query
     * @param decodedPath its decoded, normalised path
     */
    RequestView redirected(String rawTarget, String decodedPath) {
        int q = rawTarget.indexOf('?');
        String newRawPath = q < 0 ? rawTarget : rawTarget.substring(0, q);
        String newQuery = q < 0 ? null : rawTarget.substring(q + 1);
        return new RequestView(head, Method.GET, rawTarget, newRawPath, newQuery, decodedPath, false, remote, local,
                tls);
    }

    RequestHead head() {
        return head;
    }

    @Override
    public Method method() {
        return method;
    }

    @Override
    public String methodToken() {
        return method == null ? head.methodToken() : method.token();
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String query() {
        return query;
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
        return hasBody ? head.contentLength() : 0;
    }

    @Override
    public boolean hasBody() {
        return hasBody;
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
        return methodToken() + " " + target + " " + head.version();
    }
}
