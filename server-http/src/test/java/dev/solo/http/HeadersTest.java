package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void keepsInsertionOrderAndMatchesNamesIgnoringCase() {
        Headers headers = new Headers().add("Accept", "a").add("X-A", "1").add("accept", "b");
        assertEquals(3, headers.size());
        assertEquals("a", headers.get("ACCEPT"));
        assertEquals(List.of("a", "b"), headers.getAll(HeaderName.ACCEPT));
        assertEquals(List.of(), headers.getAll("missing"));
        assertEquals(2, headers.count("accept"));
        assertEquals("accept", headers.name(2));
        assertEquals("1", headers.value(1));
        assertNull(headers.get("missing"));
        assertTrue(headers.contains(HeaderName.ACCEPT));
        assertFalse(headers.contains("X-B"));
    }

    @Test
    void setReplacesFirstAndRemovesOthers() {
        Headers headers = new Headers().add("A", "1").add("B", "2").add("a", "3");
        headers.set("A", "new");
        assertEquals(2, headers.size());
        assertEquals("A", headers.name(0));
        assertEquals("new", headers.value(0));
        assertEquals("B", headers.name(1));
        headers.set(HeaderName.HOST, "h");
        assertEquals("h", headers.value(2));
    }

    @Test
    void removesAllFieldsOfAName() {
        Headers headers = new Headers().add("A", "1").add("B", "2").add("a", "3");
        assertTrue(headers.remove("A"));
        assertFalse(headers.remove("A"));
        assertEquals(1, headers.size());
        assertEquals("B", headers.name(0));
        assertThrows(IndexOutOfBoundsException.class, () -> headers.name(1));
    }

    @Test
    void growsBeyondItsInitialCapacityAndClearsForReuse() {
        Headers headers = new Headers();
        for (int i = 0; i < 100; i++) {
            headers.add("H" + i, Integer.toString(i));
        }
        assertEquals("99", headers.get("h99"));
        Headers copy = headers.copy();
        headers.clear();
        assertTrue(headers.isEmpty());
        assertNull(headers.get("H1"));
        assertEquals(100, copy.size());
        headers.add("A", "b");
        assertEquals(1, headers.size());
    }

    @Test
    void findsTokensInCommaSeparatedLists() {
        // RFC 9110 §5.6.1: members separated by commas with optional whitespace; tokens compared ignoring case
        Headers headers = new Headers().add("Connection", "keep-alive,  Close\t").add("connection", "Upgrade");
        assertTrue(headers.containsToken("connection", "close"));
        assertTrue(headers.containsToken(HeaderName.CONNECTION, "KEEP-ALIVE"));
        assertTrue(headers.containsToken("Connection", "upgrade"));
        assertFalse(headers.containsToken("Connection", "clos"));
        assertFalse(headers.containsToken("Connection", "keep"));
        assertFalse(headers.containsToken("Other", "close"));
        assertFalse(new Headers().add("A", ",,").containsToken("A", "x"));
        assertTrue(new Headers().add("A", ", x ,").containsToken("A", "x"));
    }

    @Test
    void refusesNullNamesAndValues() {
        Headers headers = new Headers();
        assertThrows(NullPointerException.class, () -> headers.add((String) null, "v"));
        assertThrows(NullPointerException.class, () -> headers.add("n", null));
        assertThrows(NullPointerException.class, () -> headers.set("n", null));
    }

    @Test
    void printsNamesButNotValues() {
        Headers headers = new Headers().add("Cookie", "secret").add("Host", "h");
        assertEquals("Headers[Cookie, Host]", headers.toString());
    }
}
