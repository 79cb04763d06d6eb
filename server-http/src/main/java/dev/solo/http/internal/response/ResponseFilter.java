package dev.solo.http.internal.response;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Version;
import dev.solo.http.codec.HttpDate;
import java.nio.ByteBuffer;

/**
 * The last step of every response before its head is encoded, as nginx's header filters: drops the {@code ETag}
 * under {@code etag off}, compresses under {@code gzip on}, sets {@code Expires} and {@code Cache-Control} under
 * {@code expires}, and adds the location's {@code add_header} fields.
 *
 * <p>Compression follows nginx's gzip filter where nginx has a rule, and RFC 9110 where it has none:
 * <ul>
 *   <li>only a {@code Content-Type} among {@code gzip_types}, only without a {@code Content-Encoding} already (a CGI
 *       script that compressed itself is left alone), only for HTTP/1.1 (nginx's {@code gzip_http_version});</li>
 *   <li>{@code Vary: Accept-Encoding} on every compressible response, compressed or not, 304s included (RFC 9110
 *       §15.4.5), so a shared cache never hands gzip to a client that cannot read it;</li>
 *   <li>the client's {@code Accept-Encoding} with its q-values ({@link AcceptEncoding}); a body of known length below
 *       {@code gzip_min_length} is not worth it, unless the client refused {@code identity};</li>
 *   <li>never a 206 (the range is of the identity body), a HEAD body (its head says what GET would send), a 204 or a
 *       304 (no body); the ETag of a compressed variant is made weak (as nginx does), so it differs from the
 *       identity one and a client's {@code If-None-Match} still finds it (weak comparison, §13.1.2);</li>
 *   <li>a body in memory up to {@link #MAX_IN_MEMORY} is compressed at once and keeps a {@code Content-Length}, so
 *       it still leaves with its head in one write; files and streams are compressed as the socket takes them and
 *       go out chunked.</li>
 * </ul>
 *
 * <p>One per loop (it holds the loop's {@link DeflaterPool}); not thread-safe.
 */
public final class ResponseFilter {

    /** Bodies in memory up to this size are compressed whole; larger ones stream. */
    static final int MAX_IN_MEMORY = 256 * 1024;

    private final DeflaterPool deflaters = new DeflaterPool();
    private byte[] scratch;
    private String lastStrongTag;
    private String lastWeakTag;
    private long lastExpiresSecond = Long.MIN_VALUE;
    private String lastExpires;

    /** Creates the filter of one loop. */
    public ResponseFilter() {
    }

    /**
     * @param response the handler's response; changed in place
     * @param request its request
     * @param policy the settings of the location that answered
     * @param wallMillis the loop's wall clock
     * @return the response to send
     */
    public Response apply(Response response, Request request, ResponsePolicy policy, long wallMillis) {
        int code = response.status().code();
        Headers headers = response.headers();
        if (!policy.passive()) {
            if (!policy.etag()) {
                headers.remove(HeaderName.ETAG);
            }
            if (policy.gzip().enabled()) {
                compress(response, request, policy.gzip(), code);
            }
            boolean success = appliesByDefault(code);
            if (success && policy.expiry().kind() != Expiry.Kind.OFF) {
                expire(headers, policy.expiry(), wallMillis);
            }
            var added = policy.headers();
            for (int i = 0, n = added.size(); i < n; i++) {
                AddedHeader header = added.get(i);
                if (success || header.always()) {
                    headers.add(header.name(), header.value().expand(request, policy.serverName()));
                }
            }
        }
        if (code == 304) {
            // A 304 carries no representation metadata beyond the validators and caching fields (RFC 9110 §15.4.5);
            // the static handler passes the file's type and coding along only for the gzip decision above.
            headers.remove(HeaderName.CONTENT_TYPE);
            headers.remove(HeaderName.CONTENT_ENCODING);
        }
        return response;
    }

    /** nginx adds {@code add_header} fields and {@code expires} only to these, unless {@code always}. */
    static boolean appliesByDefault(int code) {
        switch (code) {
            case 200: case 201: case 204: case 206: case 301: case 302: case 303: case 304: case 307: case 308:
                return true;
            default:
                return false;
        }
    }

    private void compress(Response response, Request request, GzipSettings gzip, int code) {
        Headers headers = response.headers();
        if (headers.contains(HeaderName.CONTENT_ENCODING) || !gzip.compresses(headers.get(HeaderName.CONTENT_TYPE))) {
            return;
        }
        if (gzip.vary()) {
            addVary(headers);
        }
        String accept = request.headers().get(HeaderName.ACCEPT_ENCODING);
        if (!AcceptEncoding.accepts(accept, "gzip")) {
            return;
        }
        if (code == 304) {
            weakenTag(headers);
            return;
        }
        Response.BodyKind kind = response.bodyKind();
        long length = response.length();
        if (code == 206 || code < 200 || !response.status().allowsBody() || kind == Response.BodyKind.NONE
                || length == 0 || request.version() != Version.HTTP_1_1) {
            return;
        }
        if (length > 0 && length < gzip.minLength() && AcceptEncoding.accepts(accept, "identity")) {
            return;
        }
        boolean head = request.method() == Method.HEAD;
        GzipStream stream = null;
        if (!head) {
            stream = deflaters.acquire(gzip.level());
            if (stream == null) {
                return; // every deflater busy: identity is always a correct answer
            }
        }
        weakenTag(headers);
        headers.remove(HeaderName.ACCEPT_RANGES); // ranges are of the identity body
        headers.set(HeaderName.CONTENT_ENCODING, "gzip");
        if (!head && kind == Response.BodyKind.BYTES && length <= MAX_IN_MEMORY) {
            if (scratch == null) {
                scratch = new byte[64 * 1024];
            }
            byte[] compressed;
            try {
                compressed = stream.compressAll(response.bytes(), scratch);
            } finally {
                deflaters.release(stream);
            }
            response.body(headers.get(HeaderName.CONTENT_TYPE), ByteBuffer.wrap(compressed));
            return;
        }
        response.stream(new GzipBodySource(deflaters, stream, response), -1);
    }

    private static void addVary(Headers headers) {
        String vary = headers.get(HeaderName.VARY);
        if (vary == null) {
            headers.add(HeaderName.VARY, "Accept-Encoding");
        } else if (!headers.containsToken(HeaderName.VARY, "Accept-Encoding")
                && !headers.containsToken(HeaderName.VARY, "*")) {
            headers.set(HeaderName.VARY, vary + ", Accept-Encoding");
        }
    }

    private void weakenTag(Headers headers) {
        String tag = headers.get(HeaderName.ETAG);
        if (tag == null || tag.startsWith("W/")) {
            return;
        }
        if (tag != lastStrongTag) {
            lastStrongTag = tag;
            lastWeakTag = "W/" + tag;
        }
        headers.set(HeaderName.ETAG, lastWeakTag);
    }

    private void expire(Headers headers, Expiry expiry, long wallMillis) {
        String expires;
        switch (expiry.kind()) {
            case EPOCH:
                expires = Expiry.EPOCH_EXPIRES;
                break;
            case MAX:
                expires = Expiry.MAX_EXPIRES;
                break;
            default:
                long second = wallMillis / 1000 + expiry.seconds();
                if (second != lastExpiresSecond) {
                    lastExpiresSecond = second;
                    lastExpires = HttpDate.format(second * 1000);
                }
                expires = lastExpires;
                break;
        }
        headers.set(HeaderName.EXPIRES, expires);
        headers.set(HeaderName.CACHE_CONTROL, expiry.cacheControl());
    }

    /** @return the loop's deflater pool, for tests and for the soak's leak check */
    DeflaterPool deflaters() {
        return deflaters;
    }
}
