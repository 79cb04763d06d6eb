package dev.solo.config.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GlobTest {

    @ParameterizedTest
    @CsvSource({
        "*.conf, a.conf, true",
        "*.conf, .conf, false",
        "*.conf, .hidden.conf, false",
        ".*.conf, .hidden.conf, true",
        "*.conf, a.conf.bak, false",
        "*, anything, true",
        "site?.conf, site1.conf, true",
        "site?.conf, site12.conf, false",
        "*a*b*, xxaxxbxx, true",
        "*a*b, xxaxxbxxc, false",
        "exact.conf, exact.conf, true",
        "exact.conf, exact.confx, false",
        "**.conf, a.conf, true"
    })
    void matchesNamesLikeAShell(String pattern, String name, boolean expected) {
        assertEquals(expected, Glob.matches(pattern, name));
    }

    @ParameterizedTest
    @CsvSource({"a*, true", "a?, true", "plain.conf, false"})
    void detectsWildcards(String text, boolean expected) {
        assertEquals(expected, Glob.hasWildcards(text));
    }
}
