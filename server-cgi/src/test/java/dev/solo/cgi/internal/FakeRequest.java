package dev.solo.cgi.internal;

import dev.solo.http.Headers;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Version;
import java.net.InetSocketAddress;

/** A request head with settable parts; defaults to {@code GET /} from 192.0.2.7:40000 to 127.0.0.1:8080. */
final class FakeRequest implements Request {

    String method = "GET";
    String path = "/";
    String rawPath;
    String query;
    final Headers headers = new Headers();
    String host = "example.test";
    long contentLength;
    boolean hasBody;
    InetSocketAddress remote = new InetSocketAddress("192.0.2.7", 40000);
    InetSocketAddress local = new InetSocketAddress("127.0.0.1", 8080);

    FakeRequest path(String decoded) {
        this.path = decoded;
        return this;
    }

    FakeRequest query(String raw) {
        this.query = raw;
        return this;
    }

    FakeRequest header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    FakeRequest body(String method, long length) {
        this.method = method;
        this.contentLength = length;
        this.hasBody = true;
        return this;
    }

    @Override
    public Method method() {
        return Method.lookup(method);
    }

    @Override
    public String methodToken() {
        return method;
    }

    @Override
    public String target() {
        return query == null ? rawPath() : rawPath() + '?' + query;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawPath() {
        return rawPath != null ? rawPath : path;
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public long contentLength() {
        return contentLength;
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

    /** The TLS session, or null for plain HTTP. */
    dev.solo.http.TlsInfo tls;

    @Override
    public dev.solo.http.TlsInfo tls() {
        return tls;
    }
}
