package dev.solo.session.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.config.Argument;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import dev.solo.http.Location;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionDemoHandlerProviderTest {

    private final SessionDemoHandlerProvider provider = new SessionDemoHandlerProvider();
    private final LocationContext context = mock(LocationContext.class);

    SessionDemoHandlerProviderTest() {
        Location location = mock(Location.class);
        when(location.prefix()).thenReturn("/session/");
        when(context.location()).thenReturn(location);
    }

    private void setDemo(String value) {
        SourcePosition at = new SourcePosition(Path.of("solo.conf"), 7, 9);
        Directive demo = Directive.simple("session_demo", at, List.of(new Argument(value, at, false)));
        when(context.inherited("session_demo")).thenReturn(Optional.of(demo));
    }

    @Test
    void isNamedSessionDemoAndRunsBeforeCgiAndStaticFiles() {
        assertEquals("session_demo", provider.name());
        assertEquals(40, provider.order());
    }

    @Test
    void buildsAHandlerWhenSwitchedOn() throws Exception {
        setDemo("on");

        assertTrue(provider.create(context).isPresent());
    }

    @Test
    void buildsNothingWhenOffOrUnset() throws Exception {
        when(context.inherited("session_demo")).thenReturn(Optional.empty());
        assertTrue(provider.create(context).isEmpty());

        setDemo("off");
        assertTrue(provider.create(context).isEmpty());
    }

    @Test
    void buildsAHandlerWhenNamedExplicitly() {
        when(context.inherited("session_demo")).thenReturn(Optional.empty());

        assertTrue(provider.createExplicit(context) != null);
    }
}
