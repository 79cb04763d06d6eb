package dev.solo.session.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionFileFormatTest {

    private static final String ID = SessionIds.create().next();

    @Test
    void roundTripsIdTimesAndAttributes() {
        SessionData data = new SessionData(ID, 10, 20);
        data.attribute("user", "Zoë + \"friends\" = 100%\r\n");
        data.attribute("empty", "");

        SessionData read = SessionFileFormat.read(SessionFileFormat.write(data, 30));

        assertEquals(ID, read.id());
        assertEquals(10, read.createdAt());
        assertEquals(30, read.lastAccessedAt());
        assertEquals(Map.of("user", "Zoë + \"friends\" = 100%\r\n", "empty", ""), read.attributes());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "solo-session 1\n",
        "solo-session 2\nid %1$s\ncreated 1\naccessed 2\n",
        "solo-session 1\nid %1$s\ncreated 1\naccessed 2",
        "solo-session 1\nid ../../etc/passwd\ncreated 1\naccessed 2\n",
        "solo-session 1\nid %1$s\ncreated -1\naccessed 2\n",
        "solo-session 1\nid %1$s\ncreated 99999999999999999999\naccessed 2\n",
        "solo-session 1\nid %1$s\ncreated 1\naccessed 2\nattr bad=name x\n",
        "solo-session 1\nid %1$s\ncreated 1\naccessed 2\nattr novalue\n",
        "solo-session 1\nid %1$s\ncreated 1\naccessed 2\nattr a %%zz\n",
        "solo-session 1\nid %1$s\ncreated 1\naccessed 2\nother line\n"
    })
    void rejectsAnythingButAWellFormedFile(String template) {
        byte[] content = String.format(template, ID).getBytes(StandardCharsets.UTF_8);

        assertThrows(IllegalArgumentException.class, () -> SessionFileFormat.read(content));
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] content = ("solo-session 1\nid " + ID + "\ncreated 1\naccessed 2\nattr a \u00ff\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThrows(IllegalArgumentException.class, () -> SessionFileFormat.read(content));
    }
}
