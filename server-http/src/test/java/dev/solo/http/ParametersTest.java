package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void decodesNamesAndValuesAsAFormDoes() {
        Parameters p = Parameters.parse("name=Ad%C3%A1+Lovelace&a%26b=c%3Dd");
        assertEquals(Optional.of("Adá Lovelace"), p.first("name"));
        assertEquals(Optional.of("c=d"), p.first("a&b"));
    }

    @Test
    void keepsRepeatedNamesInOrder() {
        Parameters p = Parameters.parse("tag=b&x=1&tag=a");
        assertEquals(List.of("b", "a"), p.all("tag"));
        assertEquals(Optional.of("b"), p.first("tag"));
        assertEquals(List.of("tag", "x"), List.copyOf(p.names()));
        assertEquals(Map.of("tag", List.of("b", "a"), "x", List.of("1")), p.asMap());
    }

    @Test
    void givesANameWithoutEqualsTheEmptyValue() {
        Parameters p = Parameters.parse("flag&x=");
        assertTrue(p.contains("flag"));
        assertEquals(Optional.of(""), p.first("flag"));
        assertEquals(Optional.of(""), p.first("x"));
    }

    @Test
    void skipsEmptyPairs() {
        Parameters p = Parameters.parse("&&a=1&&");
        assertEquals(List.of("a"), List.copyOf(p.names()));
    }

    @Test
    void splitsOnTheFirstEqualsOnly() {
        assertEquals(Optional.of("b=c"), Parameters.parse("a=b=c").first("a"));
    }

    @Test
    void isEmptyForNoQuery() {
        assertSame(Parameters.empty(), Parameters.parse(null));
        assertTrue(Parameters.parse("").isEmpty());
        assertEquals(List.of(), Parameters.parse("a=1").all("b"));
        assertFalse(Parameters.parse("a=1").contains("A"));
    }

    @Test
    void refusesMalformedEscapesAndInvalidUtf8With400() {
        for (String bad : List.of("a=%", "a=%4", "a=%zz", "a=%C3", "a=%FF%FE", "%ZZ=1")) {
            HttpException e = assertThrows(HttpException.class, () -> Parameters.parse(bad), bad);
            assertEquals(Status.BAD_REQUEST, e.status(), bad);
        }
    }

    @Test
    void resultIsUnmodifiable() {
        Parameters p = Parameters.parse("a=1");
        assertThrows(UnsupportedOperationException.class, () -> p.all("a").add("2"));
        assertThrows(UnsupportedOperationException.class, () -> p.asMap().put("b", List.of()));
    }
}
