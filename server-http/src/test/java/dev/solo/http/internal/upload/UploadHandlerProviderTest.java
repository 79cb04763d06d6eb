package dev.solo.http.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.config.Argument;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import dev.solo.http.Location;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadHandlerProviderTest {

    @TempDir
    Path dir;

    private final UploadHandlerProvider provider = new UploadHandlerProvider();

    @Test
    void isNamedUploadAndRunsBeforeStaticFiles() {
        assertEquals("upload", provider.name());
        assertEquals(60, provider.order());
    }

    @Test
    void buildsAHandlerWhereUploadIsOn() throws ConfigException {
        LocationContext context = context(withRoot(), Map.of("upload", directive("upload", "on")));

        assertTrue(provider.create(context).orElseThrow() instanceof UploadHandler);
    }

    @Test
    void buildsNothingWhereUploadIsOffOrUnset() throws ConfigException {
        assertEquals(Optional.empty(), provider.create(context(withRoot(), Map.of())));
        assertEquals(Optional.empty(),
                provider.create(context(withRoot(), Map.of("upload", directive("upload", "off")))));
    }

    @Test
    void buildsNothingWhereUploadIsOnlyInherited() throws ConfigException {
        // Issue 15: "upload on;" from the server or an enclosing location reached /cgi-bin/ and the error pages.
        assertEquals(Optional.empty(),
                provider.create(inheriting(withRoot(), Map.of("upload", directive("upload", "on")))));
    }

    @Test
    void refusesAnUploadHandlerInheritedFromAnEnclosingLocation() {
        LocationContext context = inheriting(withRoot(), Map.of("handler", directive("handler", "upload")));

        ConfigException error = assertThrows(ConfigException.class, () -> provider.createExplicit(context));
        assertTrue(error.getMessage().contains("not inherited"), error::getMessage);
    }

    @Test
    void acceptsAnUploadHandlerNamedInTheLocationItself() throws ConfigException {
        LocationContext context = context(withRoot(), Map.of("handler", directive("handler", "upload")));

        assertTrue(provider.createExplicit(context) instanceof UploadHandler);
    }

    @Test
    void acceptsAStoreInPlaceOfARoot() throws ConfigException {
        Location noRoot = mock(Location.class);
        when(noRoot.root()).thenReturn(Optional.empty());
        when(noRoot.prefix()).thenReturn("/");
        LocationContext context = context(noRoot, Map.of("upload", directive("upload", "on"),
                "upload_store", directive("upload_store", dir.toString())));

        assertTrue(provider.create(context).isPresent());
    }

    @Test
    void refusesUploadsWithoutRootOrStoreAtTheDirective() {
        Location noRoot = mock(Location.class);
        when(noRoot.root()).thenReturn(Optional.empty());
        Directive upload = directive("upload", "on");

        ConfigException error = assertThrows(ConfigException.class,
                () -> provider.create(context(noRoot, Map.of("upload", upload))));
        assertEquals(upload.position(), error.errors().get(0).position());
    }

    @Test
    void explicitHandlerRefusesUploadOff() {
        LocationContext context = context(withRoot(), Map.of("upload", directive("upload", "off"),
                "handler", directive("handler", "upload")));

        assertThrows(ConfigException.class, () -> provider.createExplicit(context));
    }

    @Test
    void declaresUploadDirectivesForServersAndLocations() {
        Map<String, DirectiveSpec> specs = new UploadDirectives().directives().stream()
                .collect(Collectors.toMap(DirectiveSpec::name, s -> s));

        assertEquals(List.of("upload", "upload_inline", "upload_store"),
                specs.keySet().stream().sorted().collect(Collectors.toList()));
        for (DirectiveSpec spec : specs.values()) {
            // "upload" parses in a server block so that the site builder can explain why it is refused there.
            boolean serverToo = !spec.name().equals("upload_inline");
            assertTrue(spec.allowedIn("server") == serverToo && spec.allowedIn("location") && !spec.allowedIn("main"),
                    spec::toString);
            assertEquals(1, spec.minArgs());
            assertEquals(1, spec.maxArgs());
        }
    }

    @Test
    void pointsAtAMissingStoreDirectoryByLineAndColumn() {
        DirectiveSpec store = new UploadDirectives().directives().stream()
                .filter(s -> s.name().equals("upload_store")).findFirst().orElseThrow();
        Directive missing = directive("upload_store", dir.resolve("nope").toString());

        ConfigException error = assertThrows(ConfigException.class, () -> store.checks().get(0).check(missing));
        assertEquals(missing.args().get(0).position(), error.errors().get(0).position());
    }

    @Test
    void refusesAFlagThatIsNeitherOnNorOff() {
        DirectiveSpec upload = new UploadDirectives().directives().stream()
                .filter(s -> s.name().equals("upload")).findFirst().orElseThrow();

        assertThrows(ConfigException.class, () -> upload.checks().get(0).check(directive("upload", "yes")));
    }

    @Test
    void isRegisteredForServiceLoader() {
        List<String> handlers = ServiceLoader.load(HandlerProvider.class).stream()
                .map(p -> p.type().getName()).collect(Collectors.toList());
        List<String> directives = ServiceLoader.load(DirectiveProvider.class).stream()
                .map(p -> p.type().getName()).collect(Collectors.toList());

        assertTrue(handlers.contains(UploadHandlerProvider.class.getName()), handlers::toString);
        assertTrue(directives.contains(UploadDirectives.class.getName()), directives::toString);
    }

    private Location withRoot() {
        return new TestLocation("/", dir);
    }

    /** A location that sets these directives itself. */
    private static LocationContext context(Location location, Map<String, Directive> own) {
        LocationContext context = inheriting(location, own);
        when(context.own(anyString())).thenAnswer(call -> Optional.ofNullable(own.get(call.<String>getArgument(0)))
                .map(List::of).orElse(List.of()));
        return context;
    }

    /** A location that inherits these directives from the levels above and sets none itself. */
    private static LocationContext inheriting(Location location, Map<String, Directive> inherited) {
        LocationContext context = mock(LocationContext.class);
        when(context.location()).thenReturn(location);
        when(context.block()).thenReturn(Directive.block("location", new SourcePosition(Path.of("solo.conf"), 1, 1),
                List.of(), List.copyOf(inherited.values())));
        when(context.inherited(anyString()))
                .thenAnswer(call -> Optional.ofNullable(inherited.get(call.<String>getArgument(0))));
        return context;
    }

    private static Directive directive(String name, String value) {
        Path file = Path.of("solo.conf");
        return Directive.simple(name, new SourcePosition(file, 3, 5),
                List.of(new Argument(value, new SourcePosition(file, 3, 6 + name.length()), false)));
    }
}
