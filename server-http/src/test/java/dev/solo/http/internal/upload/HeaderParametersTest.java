package dev.solo.http.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderParametersTest {

    @Test
    void parsesTokensAndQuotedStrings() {
        HeaderParameters parsed = HeaderParameters.parse("Form-Data; Name=field; filename=\"a; b=\\\"c\\\".txt\"");

        assertEquals("form-data", parsed.value());
        assertEquals(Map.of("name", "field", "filename", "a; b=\"c\".txt"), parsed.parameters());
    }

    @Test
    void keepsBackslashesThatEscapeNothingSpecial() {
        HeaderParameters parsed = HeaderParameters.parse("form-data; filename=\"C:\\dir\\a.txt\"");

        assertEquals(Optional.of("C:\\dir\\a.txt"), parsed.parameter("filename"));
    }

    @Test
    void toleratesEmptyParametersWhitespaceAndUnterminatedQuotes() {
        HeaderParameters parsed = HeaderParameters.parse("text/plain ;; flag; charset = utf-8 ; x=\"open");

        assertEquals("text/plain", parsed.value());
        assertEquals(Map.of("charset", "utf-8", "x", "open"), parsed.parameters());
    }

    @Test
    void keepsTheFirstOfRepeatedParameters() {
        assertEquals(Optional.of("1"), HeaderParameters.parse("a; n=1; n=2").parameter("n"));
    }

    @Test
    void decodesExtendedValues() {
        assertEquals(Optional.of("\u20ac rates.txt"),
                HeaderParameters.decodeExtendedValue("UTF-8''%e2%82%ac%20rates.txt"));
        assertEquals(Optional.of("\u00e9t\u00e9"), HeaderParameters.decodeExtendedValue("iso-8859-1'fr'%E9t%E9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "UTF-8'x", "KOI8-R''abc", "UTF-8''%zz", "UTF-8''%4", "UTF-8''%C3", "UTF-8''a b"})
    void rejectsMalformedExtendedValues(String value) {
        assertEquals(Optional.empty(), HeaderParameters.decodeExtendedValue(value));
    }
}
