package dev.solo.http.codec;

import static dev.solo.http.codec.Wire.buffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The field-section parser on its own, as the CGI module uses it for script output (RFC 3875 §6). */
class HeaderLineParserTest {

    @Test
    void readsCgiOutputWithLfLinesAndStopsAtTheBody() {
        HeaderLineParser parser = new HeaderLineParser(1024, 10, true);
        Headers headers = new Headers();
        ByteBuffer in = buffer("Content-Type: text/html\nStatus: 404 Not Found\n\n<html>");
        assertTrue(parser.parse(in, headers));
        assertEquals("text/html", headers.get("content-type"));
        assertEquals("404 Not Found", headers.get("Status"));
        assertEquals("<html>", StandardCharsets.ISO_8859_1.decode(in).toString());
    }

    @Test
    void resumesAcrossBuffers() {
        HeaderLineParser parser = new HeaderLineParser(1024, 10, true);
        Headers headers = new Headers();
        assertFalse(parser.parse(buffer("Location: /a"), headers));
        assertTrue(parser.inProgress());
        assertFalse(parser.parse(buffer("\r\n\r"), headers));
        assertTrue(parser.parse(buffer("\n"), headers));
        assertEquals("/a", headers.get("Location"));
        assertEquals(16, parser.bytesRead());
        assertThrows(IllegalStateException.class, () -> parser.parse(buffer("x"), headers));
        parser.reset();
        assertTrue(parser.parse(buffer("\n"), headers));
    }

    @Test
    void requiresCrlfWhenBareLfIsNotAllowed() {
        HeaderLineParser parser = new HeaderLineParser(1024, 10, false);
        HttpException error = assertThrows(HttpException.class, () -> parser.parse(buffer("A: b\n\r\n"), null));
        assertEquals(Status.BAD_REQUEST, error.status());
    }

    @Test
    void validatesButDropsFieldsWithoutTarget() {
        HeaderLineParser parser = new HeaderLineParser(1024, 10, false);
        assertTrue(parser.parse(buffer("A: b\r\nC: d\r\n\r\n"), null));
        parser.reset();
        assertThrows(HttpException.class, () -> parser.parse(buffer("A : b\r\n\r\n"), null));
    }

    @Test
    void enforcesItsLimits() {
        HeaderLineParser few = new HeaderLineParser(1024, 1, true);
        HttpException tooMany = assertThrows(HttpException.class, () -> few.parse(buffer("A: 1\nB: 2\n\n"), null));
        assertEquals(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, tooMany.status());
        HeaderLineParser small = new HeaderLineParser(8, 10, true);
        HttpException tooBig = assertThrows(HttpException.class, () -> small.parse(buffer("A: 12345\n\n"), null));
        assertEquals(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, tooBig.status());
        assertFalse(new HeaderLineParser(8, 10, true).parse(buffer("A: 123\n"), null), "room left for the end");
        assertThrows(HttpException.class, () -> new HeaderLineParser(8, 10, true).parse(buffer("A: 1234\n"), null),
                "no room left for the empty line");
    }

    @Test
    void countsALineSplitAcrossReadsOnceAgainstTheLimit() {
        // Issue 15: a 12 KB field under a 16 KiB limit was accepted in one read and refused (431) in two.
        String section = "Cookie: " + "c".repeat(12 * 1024) + "\r\n\r\n";
        for (int cut : new int[] {1, 8, 100, 4 * 1024, 6 * 1024, section.length() - 3, section.length() - 1}) {
            HeaderLineParser parser = new HeaderLineParser(16 * 1024, 100, true);
            Headers headers = new Headers();
            assertFalse(parser.parse(buffer(section.substring(0, cut)), headers), "split at " + cut);
            assertTrue(parser.parse(buffer(section.substring(cut)), headers), "split at " + cut);
            assertEquals(12 * 1024, headers.get("Cookie").length(), "split at " + cut);
            assertEquals(section.length(), parser.bytesRead());
        }
    }

    @Test
    void enforcesTheLimitToTheByteHoweverTheSectionIsSplit() {
        String fits = "A: 1\r\nB: " + "v".repeat(40) + "\r\n\r\n";
        String over = "A: 1\r\nB: " + "v".repeat(41) + "\r\n\r\n";
        int limit = fits.length();
        for (int cut = 1; cut < over.length(); cut++) {
            assertTrue(parseInTwo(new HeaderLineParser(limit, 10, true), fits, Math.min(cut, fits.length() - 1)),
                    "split at " + cut);
            int at = cut;
            HttpException error = assertThrows(HttpException.class,
                    () -> parseInTwo(new HeaderLineParser(limit, 10, true), over, at), "split at " + cut);
            assertEquals(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, error.status());
        }
        HeaderLineParser byteByByte = new HeaderLineParser(limit, 10, true);
        for (int i = 0; i < fits.length() - 1; i++) {
            assertFalse(byteByByte.parse(buffer(fits.substring(i, i + 1)), null));
        }
        assertTrue(byteByByte.parse(buffer(fits.substring(fits.length() - 1)), null));
    }

    private static boolean parseInTwo(HeaderLineParser parser, String section, int cut) {
        return parser.parse(buffer(section.substring(0, cut)), null)
                || parser.parse(buffer(section.substring(cut)), null);
    }
}
