package dev.solo.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.config.Argument;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CgiHandlerProviderTest {

    private static final SourcePosition AT = new SourcePosition(Path.of("solo.conf"), 1, 1);

    private final CgiHandlerProvider provider = new CgiHandlerProvider();

    @Test
    void isNamedCgiAndRunsBeforeUploadsAndStaticFiles() {
        assertEquals("cgi", provider.name());
        assertEquals(50, provider.order());
    }

    @Test
    void createsNoHandlerForALocationWithoutCgi() throws Exception {
        LocationContext location = mock(LocationContext.class);
        when(location.inheritedAll(anyString())).thenReturn(List.of());
        when(location.inherited(anyString())).thenReturn(Optional.empty());
        assertTrue(provider.create(location).isEmpty());
    }

    @Test
    void createsAHandlerForALocationWithCgi() throws Exception {
        LocationContext location = mock(LocationContext.class);
        Directive cgi = Directive.simple("cgi", AT, List.of(new Argument(".sh", AT, false)));
        when(location.inheritedAll(anyString())).thenReturn(List.of());
        when(location.inheritedAll("cgi")).thenReturn(List.of(cgi));
        when(location.inherited(anyString())).thenReturn(Optional.empty());
        assertTrue(provider.create(location).isPresent());
    }
}
