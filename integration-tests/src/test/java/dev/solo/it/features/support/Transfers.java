package dev.solo.it.features.support;

import dev.solo.it.support.Http;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends bodies and fetches files back through the JDK client, for uploads of any size. */
public final class Transfers {

    /** Long enough for hundreds of megabytes over loopback on a slow CI machine. */
    public static final Duration LARGE_TIMEOUT = Duration.ofSeconds(90);

    private static final Pattern JSON_URL = Pattern.compile("\"url\":\"([^\"]*)\"");

    private Transfers() {
    }

    /**
     * @param method {@code PUT} or {@code POST}
     * @param uri the target
     * @param body the body
     * @param headers alternating names and values
     * @return the response, body as text
     * @throws IOException when the exchange fails
     * @throws InterruptedException when interrupted
     */
    public static HttpResponse<String> send(String method, URI uri, HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = Http.request(uri).timeout(LARGE_TIMEOUT).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.send(request.build());
    }

    /**
     * Downloads a file and digests it as it arrives, without holding it in memory.
     *
     * @param uri the file's URL
     * @return status and SHA-256 of the body
     * @throws IOException when the exchange fails
     * @throws InterruptedException when interrupted
     */
    public static Download download(URI uri) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = Http.client().send(Http.request(uri).timeout(LARGE_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return new Download(response.statusCode(), GeneratedContent.sha256(body));
        }
    }

    /**
     * @param json the JSON form of an upload report ({@code Accept: application/json})
     * @return the {@code url} of each stored file, in order
     */
    public static List<String> storedUrls(String json) {
        List<String> urls = new ArrayList<>();
        Matcher matcher = JSON_URL.matcher(json);
        while (matcher.find()) {
            urls.add(matcher.group(1));
        }
        return urls;
    }

    /**
     * A downloaded file.
     *
     * @param status the response status
     * @param sha256 the SHA-256 of the body, lower-case hex
     */
    public record Download(int status, String sha256) {
    }
}
