package dev.solo.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.Headers;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CookiesTest {

    @Test
    void parsesPairsSeparatedBySemicolonAndSpace() {
        Cookies cookies = Cookies.parse("a=1; b=2; SOLOSESSION=abc");

        assertEquals(List.of(new Cookie("a", "1"), new Cookie("b", "2"), new Cookie("SOLOSESSION", "abc")),
                cookies.all());
        assertEquals(Optional.of("abc"), cookies.get("SOLOSESSION"));
    }

    @Test
    void toleratesMissingOrExtraWhitespaceAroundSeparators() {
        Cookies cookies = Cookies.parse(" a = 1 ;b=2;\tc=3 ;  ");

        assertEquals(List.of(new Cookie("a", "1"), new Cookie("b", "2"), new Cookie("c", "3")), cookies.all());
    }

    @Test
    void readsEveryCookieHeaderInOrder() {
        Headers headers = new Headers().add("Cookie", "a=1; b=2").add("Accept", "*/*").add("cookie", "c=3");

        Cookies cookies = Cookies.parse(headers);

        assertEquals(List.of("a", "b", "c"), cookies.all().stream().map(Cookie::name).toList());
    }

    @Test
    void stripsDoubleQuotesAroundAValue() {
        assertEquals(Optional.of("quoted"), Cookies.parse("q=\"quoted\"").get("q"));
        assertEquals(Optional.of(""), Cookies.parse("q=\"\"").get("q"));
    }

    @Test
    void keepsEmptyValues() {
        assertEquals(Optional.of(""), Cookies.parse("empty=; a=1").get("empty"));
    }

    @Test
    void keepsEqualsSignsInsideTheValue() {
        assertEquals(Optional.of("x=y=="), Cookies.parse("b64=x=y==").get("b64"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "noequals", "=nameless", "bad name=1", "na(me)=1", "a=has space", "a=\"unbalanced", "a=back\\slash",
        "a=com,ma", "a=\"in\"side\"", "a=caf\u00e9", "a=\u0001ctl", "\"q\"=1"
    })
    void skipsInvalidPairsButKeepsTheRest(String bad) {
        Cookies cookies = Cookies.parse("before=1; " + bad + "; after=2");

        assertEquals(List.of(new Cookie("before", "1"), new Cookie("after", "2")), cookies.all());
    }

    @Test
    void returnsAllValuesOfARepeatedNameFirstOneFirst() {
        Cookies cookies = Cookies.parse("id=specific; other=x; id=general");

        assertEquals(Optional.of("specific"), cookies.get("id"));
        assertEquals(List.of("specific", "general"), cookies.getAll("id"));
    }

    @Test
    void namesAreCaseSensitive() {
        assertEquals(Optional.empty(), Cookies.parse("ID=1").get("id"));
    }

    @Test
    void handlesAbsentAndEmptyHeaders() {
        assertTrue(Cookies.parse(new Headers()).isEmpty());
        assertTrue(Cookies.parse("").isEmpty());
        assertTrue(Cookies.parse(";;; ;").isEmpty());
    }

    @Test
    void toStringDoesNotRevealValues() {
        Cookies cookies = Cookies.parse("SOLOSESSION=secret");

        assertEquals("Cookies[SOLOSESSION]", cookies.toString());
        assertEquals("Cookie[SOLOSESSION]", cookies.all().get(0).toString());
    }
}
