package dev.solo.examples.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InlineRendererTest {

    private static String render(String markdown) {
        return InlineRenderer.render(Html.escape(markdown));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\0', value = {
        "plain text                  | plain text",
        "*em*                        | <em>em</em>",
        "_em_                        | <em>em</em>",
        "**strong**                  | <strong>strong</strong>",
        "__strong__                  | <strong>strong</strong>",
        "***both***                  | <strong><em>both</em></strong>",
        "*a **b** c*                 | <em>a <strong>b</strong> c</em>",
        "**a *b* c**                 | <strong>a <em>b</em> c</strong>",
        "`code`                      | <code>code</code>",
        "``a ` b``                   | <code>a ` b</code>",
        "` `` `                      | <code>``</code>",
        "`*not em*`                  | <code>*not em*</code>",
        "[Solo](/docs/)              | <a href=\"/docs/\">Solo</a>",
        "[*em* link](https://x.test) | <a href=\"https://x.test\"><em>em</em> link</a>",
        "[wiki](https://w.test/A_(b)) | <a href=\"https://w.test/A_(b)\">wiki</a>",
        "[mail](mailto:a@b.test)     | <a href=\"mailto:a@b.test\">mail</a>",
        "[top](#top)                 | <a href=\"#top\">top</a>",
    })
    void rendersInlineSyntax(String markdown, String html) {
        assertEquals(html, render(markdown));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\0', value = {
        "snake_case_name       | snake_case_name",
        "2 * 3 * 4             | 2 * 3 * 4",
        "*unclosed             | *unclosed",
        "**unclosed            | **unclosed",
        "`unclosed             | `unclosed",
        "[no target]           | [no target]",
        "[space](a b)          | [space](a b)",
        "\\*literal\\*         | *literal*",
        "\\[not a link](x)     | [not a link](x)",
        "a\\b                  | a\\b",
    })
    void leavesNonSyntaxAsText(String markdown, String html) {
        assertEquals(html, render(markdown));
    }

    @Test
    void escapesMarkupInText() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", render("<script>alert('x')</script>"));
    }

    @Test
    void escapesMarkupInsideCodeSpansAndLinkText() {
        assertEquals("<code>&lt;b&gt;</code> <a href=\"/x\">&lt;i&gt;</a>", render("`<b>` [<i>](/x)"));
    }

    @Test
    void keepsQuotesInLinkTargetsInsideTheAttribute() {
        assertEquals("<a href=\"/a&quot;onmouseover=&quot;x\">t</a>", render("[t](/a\"onmouseover=\"x)"));
    }

    @Test
    void backslashBeforeAnEscapedAngleBracketKeepsTheEntity() {
        assertEquals("&lt;tag&gt;", render("\\<tag\\>"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\0', value = {
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox)",
    })
    void dropsLinksWithUnsafeSchemesButKeepsTheirText(String markdown) {
        String html = render(markdown);
        assertFalse(html.contains("<a"), html);
        assertEquals("x", html);
    }

    @Test
    void pathologicalInputTakesLinearTime() {
        String[] hostile = {
            "*a ".repeat(200_000),
            "**a ".repeat(150_000),
            "_a ".repeat(200_000),
            "[".repeat(300_000) + "]",
            "[](".repeat(200_000),
            "[a](b".repeat(100_000),
            "`".repeat(2_000) + "x",
            "\\*".repeat(200_000) + "*x",
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String input : hostile) {
                render(input);
            }
        });
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        String nested = "*_**__".repeat(5_000) + "x" + "__**_*".repeat(5_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> render(nested));
    }
}
