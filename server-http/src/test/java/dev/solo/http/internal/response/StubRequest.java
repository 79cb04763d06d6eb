package dev.solo.http.internal.response;

import dev.solo.http.Headers;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Version;
import java.net.InetSocketAddress;

/** A request head for filter tests: GET over HTTP/1.1 unless told otherwise. */
final class StubRequest implements Request {

    private final Headers headers = new Headers();
    Method method = Method.GET;
    Version version = Version.HTTP_1_1;
    String rawPath = "/a%20b/c.html";
    String path = "/a b/c.html";
    String query;
    String host = "example.test";
    String scheme = "http";

    StubRequest header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    @Override
    public Method method() {
        return method;
    }

    @Override
    public String methodToken() {
        return method.token();
    }

    @Override
    public String target() {
        return query == null ? rawPath : rawPath + "?" + query;
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
        return version;
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
        return 0;
    }

    @Override
    public boolean hasBody() {
        return false;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("192.0.2.7", 50000);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 8080);
    }

    @Override
    public String scheme() {
        return scheme;
    }
}
