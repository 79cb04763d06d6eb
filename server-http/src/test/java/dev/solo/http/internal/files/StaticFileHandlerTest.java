package dev.solo.http.internal.files;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.core.EventLoop;
import dev.solo.http.Exchange;
import dev.solo.http.Headers;
import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Status;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The static handler where the platform, not the file, decides: names the file system cannot even represent. */
class StaticFileHandlerTest {

    @Test
    void answersANameThePlatformCannotRepresentWith404() throws Exception {
        // With LANG=C (a container, a systemd unit without a locale) Java encodes file names as ASCII, and
        // Path.resolve("café") throws InvalidPathException: the request's doing, so 404, not 500 and a stack trace.
        Location location = mock(Location.class);
        when(location.root()).thenReturn(Optional.of(Path.of("/srv/www")));
        when(location.resolve(anyString())).thenThrow(new InvalidPathException("café", "Malformed input"));
        Exchange exchange = mock(Exchange.class);
        Request request = mock(Request.class);
        EventLoop loop = mock(EventLoop.class);
        when(exchange.request()).thenReturn(request);
        when(exchange.location()).thenReturn(location);
        when(exchange.loop()).thenReturn(loop);
        when(request.method()).thenReturn(Method.GET);
        when(request.path()).thenReturn("/caf\u00e9");
        when(request.headers()).thenReturn(new Headers());

        assertTrue(new StaticFileHandler(new FileCache(MimeTypes.load()), Precompressed.OFF).handle(exchange));
        verify(exchange).sendError(Status.NOT_FOUND);
    }
}
