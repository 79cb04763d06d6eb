package dev.solo.examples.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private static String html(String markdown) {
        return MarkdownRenderer.render(markdown).html();
    }

    @Test
    void rendersAtxHeadingsOfEveryLevel() {
        assertEquals("<h1>One</h1>\n<h3>Three</h3>\n<h6>Six</h6>\n", html("# One\n### Three ###\n###### Six"));
    }

    @Test
    void needsASpaceAfterTheHashesAndAtMostSixOfThem() {
        assertEquals("<p>#hashtag\n####### seven</p>\n", html("#hashtag\n####### seven"));
    }

    @Test
    void joinsLinesIntoParagraphsSeparatedByBlankLines() {
        assertEquals("<p>one\ntwo</p>\n<p>three</p>\n", html("one\n  two\n\n\nthree\n"));
    }

    @Test
    void acceptsEveryLineEnding() {
        assertEquals("<h1>a</h1>\n<p>b\nc</p>\n", html("# a\r\nb\rc"));
    }

    @Test
    void rendersFencedCodeVerbatimButEscaped() {
        String markdown = "```java\nif (a < b && *p*) {\n    # not a heading\n}\n```\nafter";
        assertEquals("<pre><code class=\"language-java\">if (a &lt; b &amp;&amp; *p*) {\n    # not a heading\n}\n"
                + "</code></pre>\n<p>after</p>\n", html(markdown));
    }

    @Test
    void acceptsTildeFencesAndClosesOnlyOnALongEnoughFence() {
        assertEquals("<pre><code>~~~\nx\n</code></pre>\n", html("~~~~\n~~~\nx\n~~~~"));
    }

    @Test
    void runsAnUnclosedFenceToTheEnd() {
        assertEquals("<pre><code>a\n\nb\n</code></pre>\n", html("```\na\n\nb"));
    }

    @Test
    void dropsALanguageThatIsNotAPlainName() {
        assertEquals("<pre><code>x\n</code></pre>\n", html("``` \"><script>\nx\n```"));
    }

    @Test
    void removesTheFenceIndentationFromContentLines() {
        assertEquals("<pre><code>a\n b\n</code></pre>\n", html("  ```\n  a\n   b\n  ```"));
    }

    @Test
    void rendersUnorderedLists() {
        assertEquals("<ul>\n<li>one</li>\n<li><em>two</em></li>\n<li>three\ncontinued</li>\n</ul>\n",
                html("- one\n- *two*\n- three\n  continued"));
    }

    @Test
    void rendersOrderedListsWithTheirFirstNumber() {
        assertEquals("<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n", html("1. a\n2. b"));
        assertEquals("<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n", html("3) c\n4) d"));
    }

    @Test
    void keepsAListTogetherAcrossBlankLinesBetweenItems() {
        assertEquals("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>after</p>\n", html("* a\n\n* b\n\nafter"));
    }

    @Test
    void startsANewListWhenTheMarkerChanges() {
        assertEquals("<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>\n<ol>\n<li>c</li>\n</ol>\n",
                html("- a\n+ b\n1. c"));
    }

    @Test
    void flattensNestedLists() {
        assertEquals("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", html("- a\n  - b"));
    }

    @Test
    void rendersThematicBreaksRatherThanListItems() {
        assertEquals("<p>a</p>\n<hr>\n<hr>\n<p>b</p>\n", html("a\n---\n* * *\nb"));
    }

    @Test
    void letsBlocksInterruptAParagraph() {
        assertEquals("<p>text</p>\n<h2>Heading</h2>\n<ul>\n<li>item</li>\n</ul>\n", html("text\n## Heading\n- item"));
    }

    @Test
    void treatsIndentedCodeAsAParagraph() {
        assertEquals("<p>indented</p>\n", html("    indented"));
    }

    @Test
    void escapesRawHtmlInEveryKindOfBlock() {
        String rendered = html("<script>alert(1)</script>\n\n# <b>h</b>\n\n- <img src=x onerror=alert(1)>\n\n"
                + "```\n</code></pre><script>\n```");
        assertFalse(rendered.contains("<script"), rendered);
        assertFalse(rendered.contains("<b>"), rendered);
        assertFalse(rendered.contains("<img"), rendered);
        assertTrue(rendered.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), rendered);
        assertTrue(rendered.contains("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;"), rendered);
    }

    @Test
    void takesTheTitleFromTheFirstHeadingWithoutMarkup() {
        assertEquals(Optional.of("The Solo &amp; guide"),
                MarkdownRenderer.render("intro\n\n## The *Solo* & guide\n# Later").title());
    }

    @Test
    void hasNoTitleWithoutAHeading() {
        assertEquals(Optional.empty(), MarkdownRenderer.render("just text").title());
    }

    @Test
    void rendersALargeDocumentQuickly() {
        String section = "# Heading\n\nSome *text* with `code` and a [link](/x).\n\n- a\n- b\n\n```\ncode\n```\n";
        String document = section.repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> html(document));
    }
}
