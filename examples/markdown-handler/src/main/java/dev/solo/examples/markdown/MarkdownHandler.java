package dev.solo.examples.markdown;

import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders {@code .md} files of a location as HTML pages, or sends them as {@code text/markdown} for {@code ?raw}.
 * Declines everything else, so the rest of the chain (static files, usually) still serves the location.
 *
 * <p>Runs on the loop thread. It answers at once, within {@link #handle}, so it needs neither a timer nor
 * {@link Exchange#onAbort}. The file is read synchronously: at most {@link #MAX_FILE_BYTES} from a local disk, which
 * blocks the loop about as briefly as the static handler's attribute reads do. That is the one blocking call here,
 * and the size cap is what keeps it brief.
 */
final class MarkdownHandler implements Handler {

    /** The largest file rendered: 1 MiB. Larger ones are left to the next handler, which can send them unread. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MarkdownHandler.class);
    private static final String HTML = "text/html; charset=utf-8";
    /** RFC 7763 registers text/markdown; the charset parameter is required there. */
    private static final String MARKDOWN = "text/markdown; charset=utf-8";
    /** A second line of defence: even if some markup slipped through the escaping, no script would run. */
    private static final String CONTENT_SECURITY_POLICY = "script-src 'none'; object-src 'none'; base-uri 'none'";

    private final Optional<String> css;
    private final int maxBytes;

    /**
     * @param css the style sheet linked from every page, or empty for the built-in style
     * @param maxBytes the largest file rendered
     */
    MarkdownHandler(Optional<String> css, int maxBytes) {
        this.css = css;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean handle(Exchange exchange) throws IOException {
        Request request = exchange.request();
        if (request.method() != Method.GET && request.method() != Method.HEAD) {
            return false;
        }
        String path = request.path();
        if (!isMarkdownPath(path)) {
            return false;
        }
        Optional<Path> file = exchange.location().resolve(path);
        if (file.isEmpty()) {
            return false;
        }
        Optional<byte[]> content = read(file.get());
        if (content.isEmpty()) {
            return false;
        }
        exchange.respond(wantsRaw(request.query()) ? raw(content.get())
                : page(content.get(), file.get().getFileName().toString()));
        return true;
    }

    static boolean isMarkdownPath(String path) {
        return path.length() >= 3 && path.regionMatches(true, path.length() - 3, ".md", 0, 3);
    }

    /** {@code ?raw}, {@code ?raw=1} or {@code raw} among other parameters. */
    static boolean wantsRaw(String query) {
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if ((equals < 0 ? parameter : parameter.substring(0, equals)).equals("raw")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file's bytes, or empty when this handler should decline: not a regular file (a FIFO would block the open),
     * missing, unreadable or over the cap. The read is bounded by the cap even if the file grew since it was checked.
     */
    private Optional<byte[]> read(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile() || !Files.isReadable(file)) {
                return Optional.empty();
            }
            if (attributes.size() > maxBytes) {
                LOG.debug("{}: {} bytes, over the {} byte cap; left to the next handler", file, attributes.size(),
                        maxBytes);
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(maxBytes + 1);
                return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
            }
        } catch (NoSuchFileException | AccessDeniedException e) {
            return Optional.empty();
        }
    }

    private static Response raw(byte[] content) {
        return Response.of(Status.OK)
                .header("X-Content-Type-Options", "nosniff")
                .body(MARKDOWN, ByteBuffer.wrap(content));
    }

    private Response page(byte[] content, String fileName) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        MarkdownRenderer.Document document = MarkdownRenderer.render(text);
        String title = document.title().filter(t -> !t.isEmpty()).orElse(Html.escape(fileName));
        return Response.of(Status.OK)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(HTML, Html.page(title, document.html(), css));
    }
}
