package dev.solo.http.internal.upload;

/**
 * A multipart body breaks RFC 2046 §5.1.1 or RFC 7578, or one of the parser's limits. Its message is fixed text
 * written here, never bytes from the request, so it may be shown to the client in a 400 page.
 */
final class MalformedMultipartException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param safeMessage what is wrong, fixed text */
    MalformedMultipartException(String safeMessage) {
        // Stackless: hostile input raises it at will, and the trace of a parse error says nothing.
        super(safeMessage, null, false, false);
    }
}
