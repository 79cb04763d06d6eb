package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What the access log writes of the text a client chose, escaped as nginx escapes it. */
class AccessLogTest {

    @Test
    void escapesQuotesBackslashesControlsAndNonAscii() {
        assertEquals("a\\x22 200 \\x22b", AccessLog.escape("a\" 200 \"b"));
        assertEquals("\\x5C\\x0A\\x0D\\x09\\x7F\\xE9", AccessLog.escape("\\\n\r\t\u007f\u00e9"));
    }

    @Test
    void leavesPlainTextAsItIs() {
        String agent = "Mozilla/5.0 (X11; Linux x86_64) curl/8.5.0 'quoted' <tag> ~!@#$%^&*()";
        assertSame(agent, AccessLog.escape(agent));
    }
}
