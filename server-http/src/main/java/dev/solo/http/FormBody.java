package dev.solo.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads an {@code application/x-www-form-urlencoded} request body (an HTML form's POST) into {@link Parameters},
 * then hands them to the handler's continuation on the loop.
 *
 * <pre>{@code
 * l.handler(ex -> FormBody.receive(ex, FormBody.DEFAULT_MAX_BYTES,
 *         form -> ex.respond(Status.OK, "text/plain", "Hello, " + form.first("name").orElse("world"))));
 * }</pre>
 *
 * <p>A form is held in memory whole, so it has its own size limit, usually far below the location's
 * {@code client_max_body_size} (which bounds uploads streamed to disk). What goes wrong is answered here, with the
 * status a client can act on: another media type {@code 415}, a form over the limit {@code 413} (as soon as the
 * declared length or the bytes so far pass it), a malformed escape or invalid UTF-8 {@code 400}. The continuation
 * runs only for a well-formed form; an {@link HttpException} it throws becomes that error response.
 *
 * <p>All forms being read in one process share a budget of one eighth of the heap: a client may hold a form open
 * for as long as the body timeouts allow, and many clients together must not take the memory the server needs. Past
 * the budget a form is refused with {@code 503} and {@code Retry-After}, as the server sheds partial heads.
 */
public final class FormBody implements BodyConsumer {

    /** A limit for ordinary forms: 64 KiB, as Jetty's default form size is 200 KB and nginx has none of its own. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private static final String MEDIA_TYPE = "application/x-www-form-urlencoded";
    /** Bytes reserved by every form being read in this JVM, against {@link #BUDGET}. */
    static final AtomicLong HELD = new AtomicLong();
    static final long BUDGET = Runtime.getRuntime().maxMemory() / 8;

    private final Exchange exchange;
    private final int maxBytes;
    private final Consumer<Parameters> onForm;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** Set once an error was sent: the rest of the body is ignored (the server drains or closes). */
    private boolean refused;
    /** What this form has reserved of the shared budget; given back when the form is parsed, refused or aborted. */
    private long reserved;

    private FormBody(Exchange exchange, int maxBytes, Consumer<Parameters> onForm) {
        this.exchange = exchange;
        this.maxBytes = maxBytes;
        this.onForm = onForm;
    }

    /**
     * Receives the request's form body; call it from a handler, as {@link Exchange#receiveBody} must be.
     *
     * @param exchange the exchange whose body is the form
     * @param maxBytes the largest form accepted, in bytes
     * @param onForm what to do with the form once complete; it must answer the exchange
     * @throws IllegalArgumentException if {@code maxBytes} is negative
     */
    public static void receive(Exchange exchange, int maxBytes, Consumer<Parameters> onForm) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        Request request = exchange.request();
        if (!request.hasBody()) {
            deliver(exchange, onForm, Parameters.empty());
            return;
        }
        if (!isForm(request.headers().get(HeaderName.CONTENT_TYPE))) {
            exchange.sendError(new HttpException(Status.UNSUPPORTED_MEDIA_TYPE,
                    "The body must be " + MEDIA_TYPE, false).header("Accept-Post", MEDIA_TYPE));
            return;
        }
        if (request.contentLength() > maxBytes) {
            exchange.sendError(HttpException.contentTooLarge("The form is larger than " + maxBytes + " bytes"));
            return;
        }
        FormBody form = new FormBody(exchange, maxBytes, onForm);
        if (request.contentLength() > 0 && !form.reserve(request.contentLength())) {
            exchange.sendError(overBudget());
            return;
        }
        exchange.receiveBody(form);
    }

    /** Takes {@code more} bytes of the shared budget for this form; false, taking nothing, when they do not fit. */
    private boolean reserve(long more) {
        if (HELD.addAndGet(more) > BUDGET) {
            HELD.addAndGet(-more);
            return false;
        }
        reserved += more;
        return true;
    }

    private void release() {
        HELD.addAndGet(-reserved);
        reserved = 0;
    }

    private static HttpException overBudget() {
        return new HttpException(Status.SERVICE_UNAVAILABLE, "Too many forms are being received; try again", false)
                .header("Retry-After", "1");
    }

    /**
     * Whether a {@code Content-Type} names a URL-encoded form in UTF-8 (or without a charset, which the WHATWG
     * standard reads as UTF-8).
     */
    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(MEDIA_TYPE)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void onData(ByteBuffer content) {
        int length = content.remaining();
        if (refused) {
            content.position(content.limit());
            return;
        }
        if (bytes.size() + (long) length > maxBytes) {
            refuse(content, HttpException.contentTooLarge("The form is larger than " + maxBytes + " bytes"));
            return;
        }
        long needed = bytes.size() + (long) length - reserved;
        if (needed > 0 && !reserve(needed)) {
            refuse(content, overBudget());
            return;
        }
        byte[] piece = new byte[length];
        content.get(piece);
        bytes.write(piece, 0, length);
    }

    private void refuse(ByteBuffer content, HttpException answer) {
        refused = true;
        content.position(content.limit());
        bytes.reset();
        release();
        exchange.sendError(answer);
    }

    @Override
    public void onComplete() {
        if (refused) {
            return;
        }
        Parameters form;
        try {
            // ISO-8859-1 keeps each byte as one char; Parameters checks that the escaped and raw bytes form UTF-8.
            form = Parameters.parse(bytes.toString(StandardCharsets.ISO_8859_1));
        } catch (HttpException e) {
            release();
            exchange.sendError(e);
            return;
        }
        release();
        deliver(exchange, onForm, form);
    }

    @Override
    public void onAbort(Throwable cause) {
        // Only memory is held: give its share of the budget back.
        release();
    }

    private static void deliver(Exchange exchange, Consumer<Parameters> onForm, Parameters form) {
        try {
            onForm.accept(form);
        } catch (HttpException e) {
            if (!exchange.isResponded()) {
                exchange.sendError(e);
            }
        }
    }
}
