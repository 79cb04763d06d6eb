package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MethodTest {

    @Test
    void looksUpEveryMethodByExactName() {
        for (Method method : Method.values()) {
            assertSame(method, Method.lookup(method.token()));
            byte[] bytes = ("x" + method.token() + "y").getBytes(StandardCharsets.US_ASCII);
            assertSame(method, Method.lookup(bytes, 1, bytes.length - 2));
        }
    }

    @Test
    void treatsMethodNamesCaseSensitively() {
        // RFC 9110 §9.1
        assertNull(Method.lookup("get"));
        assertNull(Method.lookup("Post"));
        assertNull(Method.lookup("BREW"));
        assertNull(Method.lookup("GETS"));
        assertNull(Method.lookup(""));
    }

    @Test
    void usesTheWireSpellingAsToken() {
        assertEquals("OPTIONS", Method.OPTIONS.token());
        assertEquals("PATCH", Method.PATCH.token());
    }
}
