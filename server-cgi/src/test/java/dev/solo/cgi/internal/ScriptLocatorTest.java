package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptLocatorTest {

    @TempDir
    Path root;

    private FakeLocation location;
    private CgiSettings settings;

    @BeforeEach
    void site() throws Exception {
        Files.createDirectories(root.resolve("cgi-bin/dir.py"));
        Files.writeString(root.resolve("cgi-bin/app.py"), "");
        Files.writeString(root.resolve("cgi-bin/tool.sh"), "");
        location = new FakeLocation(root);
        settings = new CgiSettings(List.of(new ScriptType(".py", null), new ScriptType(".sh", null)),
                Duration.ofSeconds(30), new ProcessSlots(4), CgiSettings.Queue.DEFAULT, Map.of(), null, root,
                ProcessGroups.create());
    }

    private ScriptLocator.Result locate(String path) {
        return ScriptLocator.locate(path, location, settings);
    }

    @Test
    void splitsScriptFromPathInfo() {
        ScriptLocator.Result result = locate("/cgi-bin/app.py/users/7");
        assertEquals(ScriptLocator.Outcome.FOUND, result.outcome());
        assertEquals(root.resolve("cgi-bin/app.py"), result.match().script());
        assertEquals("/cgi-bin/app.py", result.match().scriptName());
        assertEquals("/users/7", result.match().pathInfo());
        assertEquals(".py", result.match().type().extension());
    }

    @Test
    void givesEmptyPathInfoWhenTheScriptEndsThePath() {
        assertEquals("", locate("/cgi-bin/tool.sh").match().pathInfo());
    }

    @Test
    void keepsTrailingSlashAsPathInfo() {
        assertEquals("/", locate("/cgi-bin/app.py/").match().pathInfo());
    }

    @Test
    void declinesPathsWithoutAConfiguredExtension() {
        assertEquals(ScriptLocator.Outcome.NOT_CGI, locate("/cgi-bin/readme.txt").outcome());
        assertEquals(ScriptLocator.Outcome.NOT_CGI, locate("/").outcome());
    }

    @Test
    void doesNotTakeABareExtensionForAScript() {
        assertEquals(ScriptLocator.Outcome.NOT_CGI, locate("/cgi-bin/.py").outcome());
    }

    @Test
    void reportsMissingScriptAsNotFound() {
        assertEquals(ScriptLocator.Outcome.NOT_FOUND, locate("/cgi-bin/missing.py/x").outcome());
    }

    @Test
    void reportsDirectoryWithExtensionAsDirectory() {
        assertEquals(ScriptLocator.Outcome.DIRECTORY, locate("/cgi-bin/dir.py").outcome());
    }

    @Test
    void looksPastADirectoryForALaterScript() throws Exception {
        Files.writeString(root.resolve("cgi-bin/dir.py/inner.py"), "");
        ScriptLocator.Result result = locate("/cgi-bin/dir.py/inner.py/more");
        assertEquals(ScriptLocator.Outcome.FOUND, result.outcome());
        assertEquals("/cgi-bin/dir.py/inner.py", result.match().scriptName());
        assertEquals("/more", result.match().pathInfo());
    }

    @Test
    void findsNothingWithoutARoot() {
        location = new FakeLocation(null);
        assertEquals(ScriptLocator.Outcome.NOT_FOUND, locate("/cgi-bin/app.py").outcome());
    }

    @Test
    void matchesExtensionsCaseSensitively() {
        assertEquals(ScriptLocator.Outcome.NOT_CGI, locate("/cgi-bin/APP.PY").outcome());
    }
}
