package dev.solo.http.internal.files;

import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.Response;
import java.util.Locale;
import java.util.Set;

/**
 * The header fields that keep files a browser should not run from running: every static response carries
 * {@code X-Content-Type-Options: nosniff}, so a browser never guesses HTML or script from the bytes, and a file in a
 * location where clients can write ({@link Location#servesClientFiles()}) goes out inline only when its type cannot
 * hold script. Anything else there (HTML, SVG, XML, JavaScript, unknown types) is sent as
 * {@code application/octet-stream} with {@code Content-Disposition: attachment}: an uploaded page would otherwise
 * run in the same origin as the server's own pages (stored XSS), and with nosniff a browser refuses that type as a
 * script or style sheet too.
 */
final class ClientFiles {

    /** The media types a browser shows without running anything: images but SVG, sound, video, plain text, PDF. */
    private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/avif", "image/bmp", "image/x-icon", "image/vnd.microsoft.icon", "text/plain", "text/csv",
            "application/json", "application/pdf");

    private static final String SAFE_TYPE = "application/octet-stream";

    private ClientFiles() {
    }

    /**
     * Adds nosniff and, for a client's file of an active type, the download disposition.
     *
     * @param location the request's location
     * @param response the response being built
     * @param type the file's media type
     * @return the media type to send
     */
    static String guard(Location location, Response response, String type) {
        response.header("X-Content-Type-Options", "nosniff");
        if (!location.servesClientFiles() || isInline(type)) {
            return type;
        }
        response.header("Content-Disposition", "attachment");
        return SAFE_TYPE;
    }

    private static boolean isInline(String type) {
        int semicolon = type.indexOf(';');
        String media = (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return INLINE_TYPES.contains(media) || media.startsWith("audio/") || media.startsWith("video/");
    }

    /**
     * @param location a location
     * @return its {@code Allow} value, the same as OPTIONS and the router's 405 send
     */
    static String allowHeader(Location location) {
        StringBuilder allow = new StringBuilder();
        for (Method method : Method.values()) {
            if (location.allowedMethods().contains(method)) {
                allow.append(allow.length() == 0 ? "" : ", ").append(method.token());
            }
        }
        return allow.toString();
    }
}
