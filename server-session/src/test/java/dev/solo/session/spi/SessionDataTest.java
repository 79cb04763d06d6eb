package dev.solo.session.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDataTest {

    private final SessionData data = new SessionData("id", 1, 2);

    @Test
    void setsReplacesAndRemovesAttributesInOrder() {
        data.attribute("b", "1");
        data.attribute("a", "2");
        data.attribute("b", "3");

        assertEquals(List.of("b", "a"), List.copyOf(data.attributes().keySet()));
        assertEquals(Optional.of("3"), data.attribute("b"));

        data.attribute("b", null);

        assertEquals(Map.of("a", "2"), data.attributes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a=b", "new\nline", "caf\u00e9",
        "x12345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsAttributeNamesThatWouldNotMapToEnvironmentVariables(String name) {
        assertThrows(IllegalArgumentException.class, () -> data.attribute(name, "v"));
    }

    @Test
    void capsTheTotalSizeOfAttributes() {
        data.attribute("big", "x".repeat(SessionData.MAX_TOTAL_CHARS - 3));

        assertThrows(IllegalArgumentException.class, () -> data.attribute("more", "y"));

        data.attribute("big", "small");
        data.attribute("more", "y");
        assertEquals(Optional.of("y"), data.attribute("more"));
    }

    @Test
    void toStringShowsNeitherIdNorValues() {
        data.attribute("user", "secret");

        assertEquals("SessionData[attributes=[user]]", data.toString());
    }
}
