package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpExceptionTest {

    @Test
    void carriesStatusSafeMessageAndCloseFlag() {
        HttpException error = HttpException.badRequest("Invalid host");
        assertEquals(Status.BAD_REQUEST, error.status());
        assertEquals("Invalid host", error.safeMessage());
        assertTrue(error.closeConnection());
        assertEquals("400 Bad Request: Invalid host", error.getMessage());
    }

    @Test
    void isStacklessBecauseHostileInputThrowsItAtWill() {
        assertEquals(0, HttpException.headerFieldsTooLarge("x").getStackTrace().length);
        assertEquals(0, new HttpException(Status.CONFLICT, null, false, new IllegalStateException()).getStackTrace()
                .length);
    }

    @Test
    void usesTheReasonPhraseWhenNoMessageIsGiven() {
        HttpException error = new HttpException(Status.FORBIDDEN, null, false);
        assertEquals("Forbidden", error.safeMessage());
        assertFalse(error.closeConnection());
        assertTrue(error.headers().isEmpty());
    }

    @Test
    void factoriesMapToTheirStatuses() {
        assertEquals(Status.CONTENT_TOO_LARGE, HttpException.contentTooLarge("x").status());
        assertEquals(Status.URI_TOO_LONG, HttpException.uriTooLong("x").status());
        assertEquals(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, HttpException.headerFieldsTooLarge("x").status());
        assertEquals(Status.NOT_IMPLEMENTED, HttpException.notImplemented("x").status());
        assertEquals(Status.HTTP_VERSION_NOT_SUPPORTED, HttpException.versionNotSupported("x").status());
    }

    @Test
    void methodNotAllowedCarriesTheAllowHeaderAndKeepsTheConnection() {
        // RFC 9110 §15.5.6: the origin server MUST generate an Allow header field in a 405 response
        HttpException error = HttpException.methodNotAllowed("GET, HEAD");
        assertEquals(Status.METHOD_NOT_ALLOWED, error.status());
        assertEquals("GET, HEAD", error.headers().get(HeaderName.ALLOW));
        assertFalse(error.closeConnection());
    }
}
