package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&</a>"));
    }

    @Test
    void replacesNul() {
        assertEquals("a\uFFFDb", Html.escape("a\0b"));
    }

    @Test
    void returnsPlainTextUnchanged() {
        String plain = "report 2026.txt";
        assertSame(plain, Html.escape(plain));
    }
}
