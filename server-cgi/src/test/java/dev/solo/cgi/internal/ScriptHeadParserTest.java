package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptHeadParserTest {

    private static ScriptHead parse(String output) throws ScriptOutputException {
        ByteBuffer in = ByteBuffer.wrap(output.getBytes(StandardCharsets.ISO_8859_1));
        return new ScriptHeadParser().parse(in);
    }

    private static String lines(String eol, String... lines) {
        return String.join(eol, lines) + eol;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void readsDocumentResponseWithEitherLineEnding(String eol) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(lines(eol, "Content-Type: text/html", "X-Extra:  padded ", "", "<p>body")
                .getBytes(StandardCharsets.ISO_8859_1));
        ScriptHead head = new ScriptHeadParser().parse(in);
        assertEquals(ScriptHead.Kind.DOCUMENT, head.kind());
        assertEquals(200, head.status().code());
        assertEquals("text/html", head.headers().get("Content-Type"));
        assertEquals("padded", head.headers().get("X-Extra"));
        assertEquals("<p>body" + eol, StandardCharsets.ISO_8859_1.decode(in).toString(), "body stays in the buffer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void takesStatusFromStatusFieldAndDoesNotForwardIt(String eol) throws Exception {
        ScriptHead head = parse(lines(eol, "Status: 404 Not Here", "Content-Type: text/plain", ""));
        assertEquals(404, head.status().code());
        assertFalse(head.headers().contains("Status"));
    }

    @Test
    void acceptsStatusWithoutReasonPhrase() throws Exception {
        assertEquals(204, parse("Status: 204\n\n").status().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Status: abc", "Status: 99", "Status: 1000", "Status: 404x", "Status: 101 Switching",
        "Status: 600 Nope"})
    void rejectsInvalidStatus(String line) {
        assertThrows(ScriptOutputException.class, () -> parse(line + "\nContent-Type: text/plain\n\n"));
    }

    @Test
    void treatsLocalPathWithoutStatusAsLocalRedirect() throws Exception {
        ScriptHead head = parse("Location: /cgi-bin/env.py?x=1\n\n");
        assertEquals(ScriptHead.Kind.LOCAL_REDIRECT, head.kind());
        assertEquals("/cgi-bin/env.py?x=1", head.location());
    }

    @Test
    void treatsAbsoluteUrlWithoutStatusAs302() throws Exception {
        ScriptHead head = parse("Location: https://example.org/\n\n");
        assertEquals(ScriptHead.Kind.CLIENT_REDIRECT, head.kind());
        assertEquals(302, head.status().code());
        assertEquals("https://example.org/", head.headers().get("Location"));
    }

    @Test
    void treatsNetworkPathAsClientRedirect() throws Exception {
        assertEquals(ScriptHead.Kind.CLIENT_REDIRECT, parse("Location: //evil.example/\n\n").kind());
    }

    @Test
    void sendsLocalLocationWithExplicitStatusToTheClient() throws Exception {
        ScriptHead head = parse("Status: 301 Moved\nLocation: /new\nContent-Type: text/plain\n\n");
        assertEquals(ScriptHead.Kind.DOCUMENT, head.kind());
        assertEquals(301, head.status().code());
        assertEquals("/new", head.headers().get("Location"));
    }

    @Test
    void keepsRepeatedSetCookieFields() throws Exception {
        ScriptHead head = parse("Content-Type: text/plain\nSet-Cookie: a=1\nSet-Cookie: b=2\n\n");
        assertEquals(List.of("a=1", "b=2"), head.headers().getAll("Set-Cookie"));
    }

    @Test
    void dropsFieldsTheServerOwns() throws Exception {
        ScriptHead head = parse("Content-Type: text/plain\nContent-Length: 99\nConnection: close\n"
                + "Transfer-Encoding: chunked\nDate: yesterday\nServer: evil\nX-Kept: yes\n\n");
        assertEquals(2, head.headers().size());
        assertEquals("yes", head.headers().get("X-Kept"));
    }

    @Test
    void collectsSessionUpdatesAndDoesNotForwardThem() throws Exception {
        ScriptHead head = parse("Content-Type: text/plain\nX-Solo-Session-Set: count=3\n"
                + "X-Solo-Session-Set: user=\nX-Solo-Session-Set: malformed\n\n");
        assertEquals(List.of(new ScriptHead.SessionUpdate("count", "3"), new ScriptHead.SessionUpdate("user", null)),
                head.sessionUpdates());
        assertFalse(head.headers().contains("X-Solo-Session-Set"));
    }

    @Test
    void rejectsBlockWithoutContentTypeLocationOrStatus() {
        assertThrows(ScriptOutputException.class, () -> parse("X-Only: this\n\nbody"));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(ScriptOutputException.class, () -> parse("this is not a header\n\n"));
    }

    @Test
    void rejectsFoldedLine() {
        assertThrows(ScriptOutputException.class, () -> parse("Content-Type: text/plain\n  folded\n\n"));
    }

    @Test
    void rejectsBareCarriageReturnInValue() {
        assertThrows(ScriptOutputException.class, () -> parse("Content-Type: text/plain\rX-Injected: 1\n\n"));
    }

    @Test
    void rejectsTwoLocations() {
        assertThrows(ScriptOutputException.class, () -> parse("Location: /a\nLocation: /b\n\n"));
    }

    @Test
    void rejectsHeaderBlockOverTheLimit() {
        String big = "X-Big: " + "a".repeat(ScriptHeadParser.MAX_HEAD_BYTES) + "\n";
        assertThrows(ScriptOutputException.class, () -> parse("Content-Type: text/plain\n" + big + "\n"));
    }

    @Test
    void rejectsOutputWithoutBlankLineOnceTheLimitIsReached() {
        String endless = "Content-Type: text/plain\n" + "X-A: b\n".repeat(ScriptHeadParser.MAX_HEAD_BYTES / 7 + 1);
        assertThrows(ScriptOutputException.class, () -> parse(endless));
    }

    /**
     * Feeds output as the run does: into one buffer that keeps what the parser left (an unfinished line), with
     * {@code step} more bytes each time.
     */
    private static ScriptHead feed(byte[] output, int... splits) throws ScriptOutputException {
        ScriptHeadParser parser = new ScriptHeadParser();
        ByteBuffer buffer = ByteBuffer.allocate(output.length);
        int from = 0;
        for (int i = 0; i <= splits.length; i++) {
            int to = i < splits.length ? splits[i] : output.length;
            buffer.put(output, from, to - from);
            from = to;
            buffer.flip();
            ScriptHead head = parser.parse(buffer);
            buffer.compact();
            if (head != null) {
                return head;
            }
            assertTrue(parser.inProgress() || from == 0, "in progress after " + from + " bytes");
        }
        return null;
    }

    @Test
    void resumesAcrossSplitsOneByteAtATime() throws Exception {
        byte[] output = "Status: 201 Created\r\nContent-Type: text/plain\r\n\r\nrest"
                .getBytes(StandardCharsets.US_ASCII);
        int[] every = new int[output.length - 1];
        for (int i = 0; i < every.length; i++) {
            every[i] = i + 1;
        }
        ScriptHead head = feed(output, every);
        assertNotNull(head);
        assertEquals(201, head.status().code());
    }

    @Test
    void countsAFieldSplitAcrossTwoReadsOnce() throws Exception {
        // 12 KiB in one field: under the 16 KiB limit, wherever the pipe splits it (it was 502 in two reads).
        byte[] output = ("Content-Type: text/plain\nSet-Cookie: big=" + "c".repeat(12 * 1024) + "\n\nbody")
                .getBytes(StandardCharsets.US_ASCII);
        for (int split = 1; split < output.length; split += 97) {
            ScriptHead head = feed(output, split);
            assertNotNull(head, "split at " + split);
            assertEquals(12 * 1024 + 4, head.headers().get("Set-Cookie").length(), "split at " + split);
        }
    }

    @Test
    void rejectsAnUnfinishedLineThatCannotFitAnyMore() {
        byte[] output = ("Content-Type: text/plain\nX-Long: " + "a".repeat(ScriptHeadParser.MAX_HEAD_BYTES))
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(ScriptOutputException.class, () -> feed(output, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../etc/passwd", "/a/%2e%2e/%2e%2e/x", "/a%2Fb", "/%zz", "/a\\b", "/page#top",
        "/x?a b", "/x?%g1", "/x?\u00e9"})
    void rejectsALocalRedirectTheServerWouldNotAccept(String location) {
        assertThrows(ScriptOutputException.class, () -> parse("Location: " + location + "\n\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/b", "/a/../b", "/x?q=1&r=%20/?:@!$'()*+,;=-._~", "/caf%C3%A9"})
    void acceptsAValidLocalRedirect(String location) throws Exception {
        ScriptHead head = parse("Location: " + location + "\n\n");
        assertEquals(ScriptHead.Kind.LOCAL_REDIRECT, head.kind());
        assertEquals(location, head.location());
    }

    @Test
    void needsMoreWhileTheBlockIsIncomplete() throws Exception {
        assertNull(parse("Content-Type: text/plain\n"));
        assertNotNull(parse("Content-Type: text/plain\n\n"));
    }
}
