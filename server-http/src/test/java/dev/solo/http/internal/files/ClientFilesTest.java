package dev.solo.http.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15, item 2: nosniff everywhere; a client's file of an active type goes out as a download. */
class ClientFilesTest {

    private static Location location(boolean clientFiles) {
        Location location = mock(Location.class);
        when(location.servesClientFiles()).thenReturn(clientFiles);
        return location;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html; charset=utf-8", "image/svg+xml", "application/xml", "text/xml",
        "text/javascript; charset=utf-8", "application/xhtml+xml", "application/octet-stream", "text/css",
        "application/x-unknown"})
    void sendsActiveOrUnknownTypesOfClientFilesAsDownloads(String type) {
        Response response = Response.of(Status.OK);

        assertEquals("application/octet-stream", ClientFiles.guard(location(true), response, type));
        assertEquals("attachment", response.headers().get("Content-Disposition"));
        assertEquals("nosniff", response.headers().get("X-Content-Type-Options"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "image/jpeg", "text/plain; charset=utf-8", "video/mp4", "audio/ogg",
        "application/pdf", "application/json"})
    void keepsPassiveTypesOfClientFilesInline(String type) {
        Response response = Response.of(Status.OK);

        assertEquals(type, ClientFiles.guard(location(true), response, type));
        assertFalse(response.headers().contains("Content-Disposition"));
        assertEquals("nosniff", response.headers().get("X-Content-Type-Options"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html; charset=utf-8", "image/svg+xml"})
    void keepsTheSitesOwnFilesAsTheyAreWithNosniff(String type) {
        Response response = Response.of(Status.OK);

        assertEquals(type, ClientFiles.guard(location(false), response, type));
        assertFalse(response.headers().contains("Content-Disposition"));
        assertEquals("nosniff", response.headers().get("X-Content-Type-Options"));
    }

    @ParameterizedTest
    @CsvSource({"GET HEAD OPTIONS, 'GET, HEAD, OPTIONS'", "OPTIONS PUT GET HEAD, 'GET, HEAD, PUT, OPTIONS'"})
    void listsAllowInTheServersOrder(String methods, String allow) {
        Location location = mock(Location.class);
        Set<Method> set = EnumSet.noneOf(Method.class);
        for (String name : methods.split(" ")) {
            set.add(Method.valueOf(name));
        }
        when(location.allowedMethods()).thenReturn(set);

        assertEquals(allow, ClientFiles.allowHeader(location));
    }
}
