package dev.solo.testing.handler;

import dev.solo.http.HttpLimits;
import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.TlsInfo;
import dev.solo.http.Version;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TestExchange} holds: the request as a client would send it, the location it reached, the visitor's
 * session and the loop. Get one from {@link TestExchange#create}; every setting has a default.
 */
public final class TestExchangeBuilder {

    private String method = "GET";
    private String target = "/";
    private Version version = Version.HTTP_1_1;
    private final List<String[]> headers = new ArrayList<>();
    private List<byte[]> bodyPieces;
    private boolean chunked;
    private InetSocketAddress remote = new InetSocketAddress("192.0.2.1", 40000);
    private InetSocketAddress local = new InetSocketAddress("127.0.0.1", 8080);
    private TlsInfo tls;
    private Path root;
    private long maxBodySize = HttpLimits.DEFAULTS.maxBodyBytes();
    private Location location;
    private TestSession session;
    private boolean sessionModule = true;
    private TestLoop loop;
    private TestRequest request;

    TestExchangeBuilder() {
    }

    /**
     * @param token the method as sent, e.g. {@code POST}; default {@code GET}
     * @return this builder
     */
    public TestExchangeBuilder method(String token) {
        this.method = Objects.requireNonNull(token, "token");
        return this;
    }

    /**
     * @param method the method; default {@code GET}
     * @return this builder
     */
    public TestExchangeBuilder method(Method method) {
        return method(method.token());
    }

    /**
     * @param target the request-target as sent, still percent-encoded, e.g. {@code /a%20b?x=1}; default {@code /}
     * @return this builder
     */
    public TestExchangeBuilder target(String target) {
        this.target = Objects.requireNonNull(target, "target");
        return this;
    }

    /**
     * @param version the protocol version; default HTTP/1.1
     * @return this builder
     */
    public TestExchangeBuilder version(Version version) {
        this.version = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * Adds a header field. Without a {@code Host} field the request carries {@code Host: localhost}; without framing
     * fields a body gets its {@code Content-Length}.
     *
     * @param name the field name
     * @param value the field value
     * @return this builder
     * @throws IllegalArgumentException when the name or value holds CR or LF (they would end the field)
     */
    public TestExchangeBuilder header(String name, String value) {
        if ((name + value).indexOf('\r') >= 0 || (name + value).indexOf('\n') >= 0) {
            throw new IllegalArgumentException("CR or LF in a header field: " + name);
        }
        headers.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
        return this;
    }

    /**
     * The request body, as it arrives: each piece reaches the handler's consumer on a loop turn of its own.
     *
     * @param pieces the body's bytes in one or more pieces
     * @return this builder
     */
    public TestExchangeBuilder body(byte[]... pieces) {
        List<byte[]> copies = new ArrayList<>(pieces.length);
        for (byte[] piece : pieces) {
            copies.add(piece.clone());
        }
        this.bodyPieces = copies;
        return this;
    }

    /**
     * The request body as UTF-8 text, as it arrives: one loop turn per piece.
     *
     * @param pieces the body's text in one or more pieces
     * @return this builder
     */
    public TestExchangeBuilder body(String... pieces) {
        List<byte[]> bytes = new ArrayList<>(pieces.length);
        for (String piece : pieces) {
            bytes.add(piece.getBytes(StandardCharsets.UTF_8));
        }
        this.bodyPieces = bytes;
        return this;
    }

    /**
     * Sends the body chunked ({@code Transfer-Encoding: chunked}): its length is unknown to the handler
     * ({@link dev.solo.http.Request#contentLength()} is -1) and a body over the location's limit is cut with 413 as
     * it arrives, instead of being refused before the handler.
     *
     * @return this builder
     */
    public TestExchangeBuilder chunked() {
        this.chunked = true;
        return this;
    }

    /**
     * @param address the client's address; default 192.0.2.1:40000
     * @return this builder
     */
    public TestExchangeBuilder remoteAddress(InetSocketAddress address) {
        this.remote = Objects.requireNonNull(address, "address");
        return this;
    }

    /**
     * @param address the address the request arrived on; default 127.0.0.1:8080
     * @return this builder
     */
    public TestExchangeBuilder localAddress(InetSocketAddress address) {
        this.local = Objects.requireNonNull(address, "address");
        return this;
    }

    /**
     * @param session the TLS session the request came over; default none (plain HTTP)
     * @return this builder
     */
    public TestExchangeBuilder tls(TlsInfo session) {
        this.tls = Objects.requireNonNull(session, "session");
        return this;
    }

    /**
     * @param directory the location's {@code root}: {@link dev.solo.http.Location#resolve} maps paths into it, never
     *     outside; it must exist. Default: no root
     * @return this builder
     */
    public TestExchangeBuilder root(Path directory) {
        this.root = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * @param bytes the location's {@code client_max_body_size}; default the server's, 1 MiB
     * @return this builder
     */
    public TestExchangeBuilder maxBodySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative body size: " + bytes);
        }
        this.maxBodySize = bytes;
        return this;
    }

    /**
     * A location of the test's own instead of the built-in {@code location /}; {@link #root} and
     * {@link #maxBodySize} then do not apply.
     *
     * @param location the location
     * @return this builder
     */
    public TestExchangeBuilder location(Location location) {
        this.location = Objects.requireNonNull(location, "location");
        return this;
    }

    /**
     * @param session the session the visitor has already; default none (a handler may create one)
     * @return this builder
     */
    public TestExchangeBuilder session(TestSession session) {
        this.session = Objects.requireNonNull(session, "session");
        return this;
    }

    /**
     * No session module is installed: {@link dev.solo.http.Exchange#session(boolean)} is always empty.
     *
     * @return this builder
     */
    public TestExchangeBuilder noSessionModule() {
        this.sessionModule = false;
        return this;
    }

    /**
     * @param loop the loop to run on, to share a clock between exchanges; default a new {@link TestLoop}
     * @return this builder
     */
    public TestExchangeBuilder loop(TestLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
        return this;
    }

    /** Decodes the head and refuses what the server answers before any handler runs. */
    void check() {
        if (session != null && !sessionModule) {
            throw new IllegalArgumentException("a session without a session module");
        }
        if (location == null) {
            location = new TestLocation(root, maxBodySize);
        }
        if (loop == null) {
            loop = new TestLoop();
        }
        request = TestRequest.decode(head(), remote, local, tls);
        Method known = request.method();
        if (known == null || known == Method.CONNECT || known == Method.TRACE) {
            throw new IllegalArgumentException("the server answers 501 to " + request.methodToken());
        }
        if (known == Method.OPTIONS) {
            throw new IllegalArgumentException("the server answers OPTIONS itself, with the location's Allow");
        }
        if (request.hasUnsupportedExpectation()) {
            throw new IllegalArgumentException("the server answers 417 to an Expect other than 100-continue");
        }
        if (request.contentLength() > location.maxBodySize()) {
            throw new IllegalArgumentException("the server answers 413: Content-Length " + request.contentLength()
                    + " is over the location's " + location.maxBodySize() + " bytes");
        }
        long declared = request.contentLength();
        if (declared >= 0 && declared != bodyLength()) {
            throw new IllegalArgumentException("Content-Length " + declared + " but the body holds " + bodyLength()
                    + " bytes");
        }
    }

    /** The head as a client would send it, with the Host and framing fields it needs. */
    private String head() {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(' ')
                .append(version.text()).append("\r\n");
        boolean host = false;
        boolean framing = false;
        for (String[] field : headers) {
            host |= field[0].equalsIgnoreCase("Host");
            framing |= field[0].equalsIgnoreCase("Content-Length") || field[0].equalsIgnoreCase("Transfer-Encoding");
            head.append(field[0]).append(": ").append(field[1]).append("\r\n");
        }
        if (!host) {
            head.append("Host: localhost\r\n");
        }
        if (!framing && bodyPieces != null) {
            head.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + bodyLength()).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private long bodyLength() {
        long length = 0;
        for (byte[] piece : bodyPieces == null ? List.<byte[]>of() : bodyPieces) {
            length += piece.length;
        }
        return length;
    }

    TestRequest request() {
        return request;
    }

    Location location() {
        return location;
    }

    TestLoop loop() {
        return loop;
    }

    boolean sessionModule() {
        return sessionModule;
    }

    TestSession session() {
        return session;
    }

    List<byte[]> bodyPieces() {
        return bodyPieces == null ? List.of() : bodyPieces;
    }
}
