package dev.solo.config.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EditDistanceTest {

    @ParameterizedTest
    @CsvSource({
        "listen, listen, 0",
        "lisen, listen, 1",
        "lsiten, listen, 1",
        "listenn, listen, 1",
        "lastan, listen, 2",
        "'', abc, 3",
        "root, index, 5"
    })
    void countsEditsWithSwapsAsOne(String a, String b, int expected) {
        assertEquals(expected, EditDistance.between(a, b));
        assertEquals(expected, EditDistance.between(b, a));
    }

    @Test
    void suggestsClosestCandidateWithinTwoEdits() {
        assertEquals(Optional.of("server_name"), EditDistance.closest("sever_nam", List.of("server", "server_name")));
        assertEquals(Optional.empty(), EditDistance.closest("completely", List.of("server", "listen")));
    }

    @Test
    void allowsOnlyOneEditForShortWords() {
        assertEquals(Optional.of("ssl"), EditDistance.closest("ssi", List.of("ssl")));
        assertEquals(Optional.empty(), EditDistance.closest("abc", List.of("ssl", "xyc")));
    }

    @Test
    void breaksTiesAlphabetically() {
        assertEquals(Optional.of("roob"), EditDistance.closest("root", List.of("rook", "roob")));
    }
}
