package dev.solo.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.solo.config.Argument;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import dev.solo.http.Location;
import dev.solo.http.spi.ExecutableFiles;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: the cgi type declares where it runs files, so that no upload can ever create one. */
class CgiExecutablesTest {

    private static final SourcePosition AT = new SourcePosition(Path.of("solo.conf"), 7, 5);

    @TempDir
    Path root;

    private final CgiHandlerProvider provider = new CgiHandlerProvider();

    private LocationContext location(String prefix, String... extensions) {
        Location location = mock(Location.class);
        when(location.prefix()).thenReturn(prefix);
        when(location.root()).thenReturn(Optional.of(root));
        when(location.resolve(anyString())).thenAnswer(call -> Optional.of(root.resolve(
                call.<String>getArgument(0).substring(1))));
        LocationContext context = mock(LocationContext.class);
        when(context.location()).thenReturn(location);
        when(context.block()).thenReturn(Directive.block("location", AT, List.of(), List.of()));
        List<Directive> cgi = new ArrayList<>();
        for (String extension : extensions) {
            cgi.add(Directive.simple("cgi", AT, List.of(new Argument(extension, AT, false))));
        }
        when(context.inheritedAll("cgi")).thenReturn(cgi);
        return context;
    }

    @Test
    void declaresTheScriptDirectoryAndExtensionsOfACgiLocation() throws Exception {
        Path scripts = Files.createDirectory(root.resolve("cgi-bin"));

        ExecutableFiles area = provider.executables(location("/cgi-bin/", ".py", ".php")).orElseThrow();

        assertEquals(scripts.toRealPath(), area.directory());
        assertEquals(List.of(".py", ".php"), area.extensions());
        assertTrue(area.origin().contains("/cgi-bin/") && area.origin().contains("solo.conf:7:5"), area.origin());
        assertTrue(area.covers(scripts.resolve("pwn.py")));
        assertTrue(area.covers(scripts.resolve("deep/pwn.PHP")));
        assertFalse(area.covers(scripts.resolve("notes.txt")));
        assertFalse(area.covers(root.resolve("pwn.py")));
    }

    @Test
    void declaresNothingForALocationWithoutCgi() throws Exception {
        assertTrue(provider.executables(location("/")).isEmpty());
    }

    @Test
    void startsAboveAPrefixSegmentThatCouldItselfBeTheScript() throws Exception {
        ExecutableFiles area = provider.executables(location("/app.py/api/", ".py")).orElseThrow();

        assertEquals(root.toRealPath(), area.directory());
    }
}
