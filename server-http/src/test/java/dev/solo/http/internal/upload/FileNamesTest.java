package dev.solo.http.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("report.pdf", "report.pdf"),
                Arguments.of("r\u00e9sum\u00e9 2024.txt", "r\u00e9sum\u00e9 2024.txt"),
                Arguments.of("/etc/passwd", "passwd"),
                Arguments.of("../../etc/passwd", "passwd"),
                Arguments.of("C:\\Users\\me\\photo.jpg", "photo.jpg"),
                Arguments.of("..\\..\\boot.ini", "boot.ini"),
                Arguments.of(".htaccess", "htaccess"),
                Arguments.of("...hidden", "hidden"),
                Arguments.of(" .profile ", "profile"),
                Arguments.of(".upload-1234.part", "upload-1234.part"),
                Arguments.of("name. . ", "name"),
                Arguments.of("a\u0000b\nc\rd\u007fe.txt", "a_b_c_d_e.txt"),
                Arguments.of("inv\u202eoice.txt", "inv_oice.txt"),
                Arguments.of("a<b>c:d\"e|f?g*h", "a_b_c_d_e_f_g_h"),
                Arguments.of("CON", "_CON"),
                Arguments.of("nul.txt", "_nul.txt"),
                Arguments.of("Com1.tar.gz", "_Com1.tar.gz"),
                Arguments.of("lpt9", "_lpt9"),
                Arguments.of("CONSOLE.txt", "CONSOLE.txt"),
                Arguments.of("com10", "com10"),
                // NFD "e" + combining acute becomes the single NFC character.
                Arguments.of("cafe\u0301.txt", "caf\u00e9.txt"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void sanitizesWhatClientsSend(String sent, String expected) {
        assertEquals(Optional.of(expected), FileNames.sanitize(sent));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "...", "/", "dir/", "C:\\dir\\", " ", ". .", "a/.."})
    void refusesNamesWithNothingLeft(String sent) {
        assertEquals(Optional.empty(), FileNames.sanitize(sent));
    }

    @Test
    void refusesNull() {
        assertEquals(Optional.empty(), FileNames.sanitize(null));
    }

    @Test
    void shortensOverlongNamesBeforeTheExtension() {
        String name = FileNames.sanitize("a".repeat(300) + ".txt").orElseThrow();

        assertEquals(255, utf8(name));
        assertTrue(name.endsWith("a.txt"));
    }

    @Test
    void shortensAtCodePointBoundaries() {
        // Each U+1F600 is 4 bytes of UTF-8 and 2 chars; 255 - 4 (".txt") leaves room for 62 of them.
        String name = FileNames.sanitize("\ud83d\ude00".repeat(100) + ".txt").orElseThrow();

        assertEquals("\ud83d\ude00".repeat(62) + ".txt", name);
        assertTrue(utf8(name) <= FileNames.MAX_NAME_BYTES);
    }

    @Test
    void treatsAnOverlongExtensionAsPartOfTheName() {
        String name = FileNames.sanitize("a." + "b".repeat(300)).orElseThrow();

        assertEquals(255, utf8(name));
        assertTrue(name.startsWith("a.bbb"));
    }

    @Test
    void numbersBeforeTheExtension() {
        assertEquals("report (1).pdf", FileNames.numbered("report.pdf", 1));
        assertEquals("archive.tar (12).gz", FileNames.numbered("archive.tar.gz", 12));
        assertEquals("README (2)", FileNames.numbered("README", 2));
    }

    @Test
    void keepsNumberedNamesWithinTheLimit() {
        String name = FileNames.numbered("a".repeat(251) + ".txt", 999);

        assertEquals(255, utf8(name));
        assertTrue(name.endsWith("a (999).txt"));
    }

    @Test
    void callsDotNamesHidden() {
        assertTrue(FileNames.isHidden(".upload-1.part"));
        assertTrue(FileNames.isHidden(".."));
        assertFalse(FileNames.isHidden("a.txt"));
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
