package dev.solo.session.internal.demo;

import dev.solo.http.BodyConsumer;
import dev.solo.http.HttpException;
import dev.solo.http.Parameters;
import dev.solo.http.Status;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Collects the log-in form ({@code application/x-www-form-urlencoded}, WHATWG URL §5) and extracts {@code name}. Keeps
 * at most {@value #MAX_BYTES} bytes, whatever the location's body limit.
 */
final class LoginForm implements BodyConsumer {

    /** The largest form kept. */
    static final int MAX_BYTES = 4096;
    /** The longest name kept, in UTF-16 units; longer ones are cut. */
    static final int MAX_NAME_LENGTH = 64;

    /**
     * The outcome: a name (empty when none was given) or an error status.
     *
     * @param name the name, trimmed, without control characters
     * @param status null on success, else the error to send
     */
    record Result(String name, Status status) {
    }

    private final Consumer<Result> onResult;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean tooLarge;

    /** @param onResult receives the outcome once the body is complete */
    LoginForm(Consumer<Result> onResult) {
        this.onResult = onResult;
    }

    @Override
    public void onData(ByteBuffer content) {
        int length = content.remaining();
        if (tooLarge || body.size() + length > MAX_BYTES) {
            tooLarge = true;
            content.position(content.limit());
            return;
        }
        byte[] bytes = new byte[length];
        content.get(bytes);
        body.write(bytes, 0, length);
    }

    @Override
    public void onComplete() {
        onResult.accept(tooLarge ? new Result("", Status.CONTENT_TOO_LARGE) : parse(body.toByteArray()));
    }

    @Override
    public void onAbort(Throwable cause) {
        // Nothing was made that needs releasing.
    }

    /**
     * @param form the form bytes
     * @return the {@code name} field, or 400 for a form that is not valid UTF-8 or has a bad percent escape
     */
    static Result parse(byte[] form) {
        try {
            // One char per byte: Parameters takes raw bytes and percent-escapes alike and checks that together they
            // are UTF-8, which java.net.URLDecoder does not (it puts U+FFFD in place of a bad escape).
            Parameters fields = Parameters.parse(new String(form, StandardCharsets.ISO_8859_1));
            return new Result(clean(fields.first("name").orElse("")), null);
        } catch (HttpException e) {
            return new Result("", Status.BAD_REQUEST);
        }
    }

    private static String clean(String name) {
        StringBuilder kept = new StringBuilder(Math.min(name.length(), MAX_NAME_LENGTH));
        name.codePoints().filter(c -> !Character.isISOControl(c)).forEach(kept::appendCodePoint);
        String trimmed = kept.toString().strip();
        if (trimmed.length() <= MAX_NAME_LENGTH) {
            return trimmed;
        }
        int end = MAX_NAME_LENGTH;
        if (Character.isHighSurrogate(trimmed.charAt(end - 1))) {
            end--;
        }
        return trimmed.substring(0, end).strip();
    }
}
