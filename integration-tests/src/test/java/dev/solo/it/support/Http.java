package dev.solo.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The JDK {@link HttpClient} for ordinary requests: HTTP/1.1 only (no h2c upgrade headers), redirects not followed
 * (tests look at the 3xx itself), and a timeout on every request, so a hang fails instead of blocking. For
 * {@code https} it trusts the test CA of {@link TestTls} only.
 *
 * <p>The JDK client refuses to set {@code Host}, {@code Connection}, {@code Content-Length} and {@code Expect}
 * itself; use {@link RawClient} for those.
 */
public final class Http {

    /** How long one request may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(TestTls.get().clientContext())
            .build();

    private Http() {
    }

    /** @return the shared client (one for all tests: each client owns a selector thread) */
    public static HttpClient client() {
        return CLIENT;
    }

    /**
     * @param uri the target
     * @return a request builder with the timeout set
     */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    /**
     * @param uri the target
     * @return the response, body as UTF-8 text
     * @throws IOException when the exchange fails or times out
     * @throws InterruptedException when interrupted
     */
    public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET().build());
    }

    /**
     * @param uri the target
     * @return the response, body as bytes
     * @throws IOException when the exchange fails or times out
     * @throws InterruptedException when interrupted
     */
    public static HttpResponse<byte[]> getBytes(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * @param request the request
     * @return the response, body as UTF-8 text
     * @throws IOException when the exchange fails or times out
     * @throws InterruptedException when interrupted
     */
    public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
