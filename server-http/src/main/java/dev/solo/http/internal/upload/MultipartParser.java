package dev.solo.http.internal.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A streaming multipart/form-data parser (RFC 7578 over the syntax of RFC 2046 §5.1.1): a push state machine fed
 * whatever bytes the connection has, in pieces of any size, that reports parts to a {@link Listener} as it goes.
 *
 * <p>The body is {@code preamble CRLF? "--" boundary}, then per part {@code CRLF headers CRLF CRLF content} and a
 * delimiter {@code CRLF "--" boundary}, and finally {@code "--"} and an epilogue. Preamble and epilogue are ignored
 * (RFC 2046 §5.1.1: "it is to be ignored"). Content is searched for the delimiter with Knuth-Morris-Pratt, so a
 * delimiter split across two reads at any offset is found, and the bytes that might start one are held back until
 * the next read tells. Those held bytes are always a prefix of the delimiter, so they are not copied anywhere: the
 * carry-over is a count of at most {@code boundary length + 3} bytes.
 *
 * <p>Memory is bounded by the constructor's limit on a part's header section; content streams straight through to
 * the listener as slices of the caller's buffers. Loop thread only; one instance per request body.
 */
final class MultipartParser {

    /** Receives the parts of a body as they are parsed. */
    interface Listener {

        /**
         * A part begins.
         *
         * @param headers the part's headers
         * @throws IOException to stop parsing
         */
        void partStart(PartHeaders headers) throws IOException;

        /**
         * More content of the current part.
         *
         * @param data bytes valid only during the call (a slice of the fed buffer, or of the held delimiter prefix)
         * @throws IOException to stop parsing
         */
        void partData(ByteBuffer data) throws IOException;

        /**
         * The current part ended: its delimiter was found.
         *
         * @throws IOException to stop parsing
         */
        void partEnd() throws IOException;

        /**
         * The close delimiter was found; what follows is epilogue.
         *
         * @throws IOException to stop parsing
         */
        void finished() throws IOException;
    }

    /** The longest boundary RFC 2046 §5.1.1 allows. */
    static final int MAX_BOUNDARY_LENGTH = 70;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DASH = '-';

    private enum State {
        /** Before the first delimiter: discarded. */
        PREAMBLE,
        /** Just after a boundary: {@code --} closes, padding and CRLF start a part. */
        AFTER_BOUNDARY,
        /** Saw one {@code -} after a boundary. */
        CLOSE_DASH,
        /** Transport padding (spaces, tabs) after a boundary, up to CR. */
        PADDING,
        /** Saw CR after a boundary; LF must follow. */
        PADDING_LF,
        /** Reading a part's header section. */
        HEADERS,
        /** Reading a part's content, searching for the delimiter. */
        CONTENT,
        /** After the close delimiter: discarded. */
        EPILOGUE
    }

    private final byte[] delimiter;
    private final int[] border;
    private final byte[] headerBlock;
    private final Listener listener;
    private State state = State.PREAMBLE;
    /** Delimiter bytes matched so far; in CONTENT they were not yet passed on as data. */
    private int matched;
    private int headerLength;

    /**
     * @param boundary the boundary, as {@link #boundaryOf(String)} returns it
     * @param maxHeaderBytes the largest header section of one part, in bytes
     * @param listener receives the parts
     */
    MultipartParser(String boundary, int maxHeaderBytes, Listener listener) {
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.border = borders(delimiter);
        this.headerBlock = new byte[maxHeaderBytes];
        this.listener = listener;
        // RFC 2046 §5.1.1 lets the first boundary open the body without the CRLF that belongs to every delimiter:
        // pretend the CRLF was seen, so "--boundary" at offset 0 matches like any later delimiter.
        this.matched = 2;
    }

    /**
     * Extracts the boundary from a {@code Content-Type} field value.
     *
     * @param contentType e.g. {@code multipart/form-data; boundary="abc"}
     * @return the boundary, or empty when it is missing or not 1 to 70 characters of RFC 2046 §5.1.1 {@code bchars}
     *         ending in a non-space
     */
    static Optional<String> boundaryOf(String contentType) {
        Optional<String> boundary = HeaderParameters.parse(contentType).parameter("boundary");
        if (boundary.isEmpty()) {
            return boundary;
        }
        String value = boundary.get();
        if (value.isEmpty() || value.length() > MAX_BOUNDARY_LENGTH || value.endsWith(" ")) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isBoundaryChar(value.charAt(i))) {
                return Optional.empty();
            }
        }
        return boundary;
    }

    private static boolean isBoundaryChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "'()+_,-./:=? ".indexOf(c) >= 0;
    }

    /**
     * Parses the next bytes of the body.
     *
     * @param input the bytes; consumed entirely
     * @throws MalformedMultipartException when the body breaks the syntax or a limit
     * @throws IOException when the listener fails
     */
    void feed(ByteBuffer input) throws MalformedMultipartException, IOException {
        while (input.hasRemaining()) {
            switch (state) {
                case PREAMBLE:
                    if (scan(input, false)) {
                        state = State.AFTER_BOUNDARY;
                    }
                    break;
                case CONTENT:
                    if (scan(input, true)) {
                        listener.partEnd();
                        state = State.AFTER_BOUNDARY;
                    }
                    break;
                case HEADERS:
                    readHeaders(input);
                    break;
                case EPILOGUE:
                    input.position(input.limit());
                    break;
                default:
                    afterBoundary(input.get());
                    break;
            }
        }
    }

    /**
     * Tells the parser the body ended.
     *
     * @throws MalformedMultipartException when the close delimiter was not seen
     */
    void finish() throws MalformedMultipartException {
        if (state != State.EPILOGUE) {
            throw new MalformedMultipartException("multipart body ends before its closing boundary");
        }
    }

    /** @return true once the close delimiter was seen */
    boolean isFinished() {
        return state == State.EPILOGUE;
    }

    /** One byte after a boundary: the close marker, or transport padding and CRLF before the next part. */
    private void afterBoundary(byte b) throws MalformedMultipartException, IOException {
        switch (state) {
            case AFTER_BOUNDARY:
                if (b == DASH) {
                    state = State.CLOSE_DASH;
                    return;
                }
                padding(b);
                return;
            case CLOSE_DASH:
                if (b != DASH) {
                    throw new MalformedMultipartException("malformed multipart boundary line");
                }
                state = State.EPILOGUE;
                listener.finished();
                return;
            case PADDING:
                padding(b);
                return;
            default: // PADDING_LF
                if (b != LF) {
                    throw new MalformedMultipartException("malformed multipart boundary line");
                }
                state = State.HEADERS;
                headerLength = 0;
        }
    }

    private void padding(byte b) throws MalformedMultipartException {
        if (b == ' ' || b == '\t') {
            state = State.PADDING;
        } else if (b == CR) {
            state = State.PADDING_LF;
        } else {
            throw new MalformedMultipartException("malformed multipart boundary line");
        }
    }

    private void readHeaders(ByteBuffer input) throws MalformedMultipartException, IOException {
        while (input.hasRemaining()) {
            if (headerLength == headerBlock.length) {
                throw new MalformedMultipartException("multipart part headers too large");
            }
            byte b = input.get();
            headerBlock[headerLength++] = b;
            if (b == LF && endsWithEmptyLine()) {
                PartHeaders headers = PartHeaders.parse(headerBlock, Math.max(0, headerLength - 4));
                state = State.CONTENT;
                matched = 0;
                listener.partStart(headers);
                return;
            }
        }
    }

    /** The header section ends with an empty line: a CRLF at its very start (no fields), or CRLF CRLF. */
    private boolean endsWithEmptyLine() {
        byte[] h = headerBlock;
        int n = headerLength;
        if (n < 2 || h[n - 2] != CR) {
            return false;
        }
        return n == 2 || n >= 4 && h[n - 3] == LF && h[n - 4] == CR;
    }

    /**
     * Searches the input for the delimiter, continuing a match left from the previous input.
     *
     * @param input advanced past what was scanned: to just after the delimiter, or to its limit
     * @param emit whether bytes that cannot belong to a delimiter are content for the listener
     * @return true when the delimiter was completed
     */
    private boolean scan(ByteBuffer input, boolean emit) throws IOException {
        int start = input.position();
        int limit = input.limit();
        int held = matched;
        int m = matched;
        int i = start;
        while (i < limit && m < delimiter.length) {
            byte b = input.get(i++);
            while (m > 0 && delimiter[m] != b) {
                m = border[m];
            }
            if (delimiter[m] == b) {
                m++;
            }
        }
        input.position(i);
        boolean found = m == delimiter.length;
        if (emit) {
            // Seen so far: the held prefix, then input[start, i). All but the last m bytes are content, because KMP
            // keeps in m the longest tail that could still begin a delimiter.
            int content = held + (i - start) - m;
            int fromHeld = Math.min(held, content);
            if (fromHeld > 0) {
                listener.partData(ByteBuffer.wrap(delimiter, 0, fromHeld).asReadOnlyBuffer());
            }
            if (content > fromHeld) {
                listener.partData(input.slice(start, content - fromHeld));
            }
        }
        matched = found ? 0 : m;
        return found;
    }

    /** The KMP table: {@code result[m]} is the length of the longest proper border of the first m bytes. */
    private static int[] borders(byte[] pattern) {
        int[] result = new int[pattern.length + 1];
        int k = 0;
        for (int m = 2; m <= pattern.length; m++) {
            while (k > 0 && pattern[k] != pattern[m - 1]) {
                k = result[k];
            }
            if (pattern[k] == pattern[m - 1]) {
                k++;
            }
            result[m] = k;
        }
        return result;
    }
}
