package dev.solo.http.internal.errors;

import dev.solo.http.Response;
import dev.solo.http.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's own error page: status, reason and one sentence of explanation, styled inline. No stack traces, no
 * version. Pages are rendered once per status and shared as read-only buffers.
 */
final class BuiltInErrorPage {

    private static final Map<Integer, ByteBuffer> CACHE = new ConcurrentHashMap<>();

    private static final Map<Integer, String> EXPLANATIONS = Map.ofEntries(
            Map.entry(400, "The server could not understand the request."),
            Map.entry(403, "You do not have permission to access this resource."),
            Map.entry(404, "The page you asked for does not exist."),
            Map.entry(405, "This resource does not accept that method."),
            Map.entry(408, "The request took too long to arrive."),
            Map.entry(409, "The request conflicts with the current state of the resource."),
            Map.entry(411, "This request needs a Content-Length."),
            Map.entry(413, "The request body is larger than this server accepts."),
            Map.entry(414, "The request URI is longer than this server accepts."),
            Map.entry(415, "The server does not accept this kind of content here."),
            Map.entry(416, "The requested range lies outside the resource."),
            Map.entry(417, "The server cannot meet the request's expectation."),
            Map.entry(431, "The request's header fields are larger than this server accepts."),
            Map.entry(500, "Something went wrong on the server."),
            Map.entry(501, "The server does not implement this method."),
            Map.entry(502, "The server got an invalid answer from the program behind it."),
            Map.entry(503, "The server is busy; please try again shortly."),
            Map.entry(504, "The program behind the server did not answer in time."),
            Map.entry(505, "The server supports HTTP/1.0 and HTTP/1.1 only."),
            Map.entry(507, "The server has no room left to store this."));

    private BuiltInErrorPage() {
    }

    static Response render(Status status) {
        ByteBuffer page = CACHE.computeIfAbsent(status.code(), code -> ByteBuffer.wrap(html(status)));
        return Response.of(status).body("text/html; charset=utf-8", page.duplicate());
    }

    private static byte[] html(Status status) {
        String explanation = EXPLANATIONS.getOrDefault(status.code(),
                status.code() >= 500 ? "The server could not complete the request." : "The request failed.");
        String title = status.code() + " " + status.reasonPhrase();
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title><style>"
                + "body{font-family:system-ui,sans-serif;background:#f5f6f8;color:#1d2330;margin:0;"
                + "display:flex;min-height:100vh;align-items:center;justify-content:center}"
                + "main{background:#fff;padding:2.5rem 3rem;border-radius:12px;box-shadow:0 2px 12px #0002;"
                + "max-width:32rem}h1{margin:0 0 .5rem;font-size:2rem}p{margin:.5rem 0;color:#4a5263}"
                + "hr{border:0;border-top:1px solid #e3e5ea;margin:1.5rem 0 1rem}small{color:#8a91a0}"
                + "</style></head><body><main><h1>" + title + "</h1><p>" + explanation + "</p><hr>"
                + "<small>Solo</small></main></body></html>\n").getBytes(StandardCharsets.UTF_8);
    }
}
