package dev.solo.http.internal.files;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.codec.HttpDate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The preconditions of a request that changes a file (PUT, DELETE), evaluated against the file as it is now, in the
 * order of RFC 9110 §13.2.2: {@code If-Match}, else {@code If-Unmodified-Since}; then {@code If-None-Match}. A false
 * condition means 412 Precondition Failed and no change, so two clients cannot overwrite or delete each other's
 * version unseen (the "lost update" of RFC 9110 §13.1.1). The validators are the ones static files send, so a client
 * copies the {@code ETag} or {@code Last-Modified} of a GET into its PUT or DELETE. Self-contained on purpose: the
 * GET/HEAD checks live in {@link Validators}.
 */
public final class WritePreconditions {

    private WritePreconditions() {
    }

    /**
     * @param headers the request's header fields
     * @return true when the request carries a condition on the target's current state
     */
    public static boolean present(Headers headers) {
        return headers.contains(HeaderName.IF_MATCH) || headers.contains(HeaderName.IF_UNMODIFIED_SINCE)
                || headers.contains(HeaderName.IF_NONE_MATCH);
    }

    /**
     * @param headers the request's header fields
     * @return true when the client named the version it expects to replace ({@code If-Match} with a tag or
     *         {@code *}, or {@code If-Unmodified-Since}): a PUT may then replace an existing file
     */
    public static boolean namesCurrentVersion(Headers headers) {
        return headers.contains(HeaderName.IF_MATCH) || headers.contains(HeaderName.IF_UNMODIFIED_SINCE);
    }

    /**
     * Evaluates the conditions.
     *
     * @param headers the request's header fields
     * @param file the target file, which may not exist
     * @return true when every condition holds (or there is none): the change may go ahead; false for 412
     * @throws IOException when the file's attributes cannot be read
     */
    public static boolean hold(Headers headers, Path file) throws IOException {
        BasicFileAttributes attributes = attributes(file);
        List<String> ifMatch = headers.getAll(HeaderName.IF_MATCH);
        if (!ifMatch.isEmpty()) {
            // §13.1.1: false without a current representation, true for *, else a strong match of one tag.
            if (attributes == null || !matches(ifMatch, etag(attributes), false)) {
                return false;
            }
        } else {
            String since = headers.get(HeaderName.IF_UNMODIFIED_SINCE);
            // §13.1.4: ignored when the date is invalid or the file has no modification date (it does not exist).
            long date = since == null ? HttpDate.INVALID : HttpDate.parse(since.strip());
            if (date != HttpDate.INVALID && attributes != null
                    && attributes.lastModifiedTime().toMillis() / 1000 > date / 1000) {
                return false;
            }
        }
        List<String> ifNoneMatch = headers.getAll(HeaderName.IF_NONE_MATCH);
        // §13.1.2: for a method other than GET/HEAD a match is 412; * matches any current representation.
        return ifNoneMatch.isEmpty() || attributes == null || !matches(ifNoneMatch, etag(attributes), true);
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? attributes : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String etag(BasicFileAttributes attributes) {
        return Validators.etag(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /** Strong comparison for If-Match (a weak tag never matches), weak for If-None-Match (§13.1.1, §13.1.2). */
    private static boolean matches(List<String> fields, String etag, boolean weak) {
        for (String field : fields) {
            for (String member : field.split(",")) {
                String tag = member.strip();
                if (tag.equals("*")) {
                    return true;
                }
                if (tag.startsWith("W/")) {
                    if (!weak) {
                        continue;
                    }
                    tag = tag.substring(2);
                }
                if (tag.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }
}
