package dev.solo.examples.markdown;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/docs/guide.md", "guide.md", "../up", "#section", "?raw", "", "http://example.test/",
        "HTTPS://example.test/a?b=c&amp;d=e", "mailto:someone@example.test", "a/b:c", "//cdn.example.test/x"})
    void acceptsRelativeReferencesAndWebSchemes(String url) {
        assertTrue(LinkTargets.isSafe(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:x", "data:text/html,x", "file:///etc/passwd",
        "vbscript:x", "java\tscript:x", "java\nscript:x", " javascript:x"})
    void rejectsOtherSchemesAndControlCharacters(String url) {
        assertFalse(LinkTargets.isSafe(Html.escape(url)), url);
    }
}
