package dev.solo.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncludeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<String> names(List<Directive> directives) {
        return directives.stream().map(Directive::name).toList();
    }

    private static ConfigError error(Path file) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(file));
        assertEquals(1, e.errors().size());
        return e.errors().get(0);
    }

    @Test
    void replacesIncludeWithDirectivesOfFileRelativeToIncludingFile() throws Exception {
        Path main = write("conf/solo.conf", "first;\ninclude parts/mid.conf;\nlast;\n");
        Path mid = write("conf/parts/mid.conf", "\n  middle 1;\n");

        ConfigDocument doc = ConfigParser.parse(main);

        assertEquals(List.of("first", "middle", "last"), names(doc.directives()));
        assertEquals(new SourcePosition(mid, 2, 3), doc.directives().get(1).position());
        assertEquals(new SourcePosition(mid, 2, 10), doc.directives().get(1).args().get(0).position());
        assertEquals(List.of(main, mid), doc.files());
    }

    @Test
    void includeInsideBlockAddsChildrenToThatBlock() throws Exception {
        Path main = write("solo.conf", "server {\n  include common.conf;\n  listen 80;\n}\n");
        write("common.conf", "root /srv;\nindex index.html;\n");

        Directive server = ConfigParser.parse(main).directives().get(0);

        assertEquals(List.of("root", "index", "listen"), names(server.children()));
    }

    @Test
    void includedFilesMayIncludeFilesRelativeToThemselves() throws Exception {
        Path main = write("solo.conf", "include a/one.conf;\n");
        write("a/one.conf", "include b/two.conf;\n");
        Path two = write("a/b/two.conf", "deep;\n");

        Directive deep = ConfigParser.parse(main).directives().get(0);

        assertEquals(two, deep.sourceFile());
    }

    @Test
    void globIncludesRegularNonHiddenFilesSortedByName() throws Exception {
        Path main = write("solo.conf", "include conf.d/*.conf;\n");
        write("conf.d/b.conf", "b;\n");
        write("conf.d/a.conf", "a;\n");
        write("conf.d/c.conf.bak", "bak;\n");
        write("conf.d/.hidden.conf", "hidden;\n");
        Files.createDirectories(dir.resolve("conf.d/dir.conf"));

        assertEquals(List.of("a", "b"), names(ConfigParser.parse(main).directives()));
    }

    @Test
    void questionMarkMatchesOneCharacter() throws Exception {
        Path main = write("solo.conf", "include site?.conf;\n");
        write("site1.conf", "one;\n");
        write("site22.conf", "twentytwo;\n");

        assertEquals(List.of("one"), names(ConfigParser.parse(main).directives()));
    }

    @Test
    void globThatMatchesNothingIsFine() throws Exception {
        Path main = write("solo.conf", "include conf.d/*.conf;\ninclude missing/*.conf;\nok;\n");
        Files.createDirectories(dir.resolve("conf.d"));

        assertEquals(List.of("ok"), names(ConfigParser.parse(main).directives()));
    }

    @Test
    void missingFileWithoutWildcardsIsAnErrorAtTheIncludeArgument() throws Exception {
        Path main = write("solo.conf", "server {\n    include nope.conf;\n}\n");

        ConfigError error = error(main);

        assertEquals(new SourcePosition(main, 2, 13), error.position());
        assertEquals("cannot read included file '" + dir.resolve("nope.conf") + "': no such file", error.message());
    }

    @Test
    void includingADirectoryIsAnError() throws Exception {
        Path main = write("solo.conf", "include conf.d;\n");
        Files.createDirectories(dir.resolve("conf.d"));

        assertTrue(error(main).message().endsWith("it is a directory"));
    }

    @Test
    void detectsIncludeCycleAndShowsTheChain() throws Exception {
        Path a = write("a.conf", "include b.conf;\n");
        Path b = write("b.conf", "x;\ninclude a.conf;\n");

        ConfigError error = error(a);

        assertEquals(new SourcePosition(b, 2, 9), error.position());
        assertEquals("include cycle: " + a + " -> " + b + " -> " + a, error.message());
    }

    @Test
    void detectsFileIncludingItselfThroughGlob() throws Exception {
        Path main = write("all.conf", "include *.conf;\n");

        assertTrue(error(main).message().startsWith("include cycle: "));
    }

    @Test
    void sameFileIncludedTwiceIsNotACycle() throws Exception {
        Path main = write("solo.conf", "server { include common.conf; }\nserver { include common.conf; }\n");
        write("common.conf", "root /srv;\n");

        ConfigDocument doc = ConfigParser.parse(main);

        assertEquals(1, doc.directives().get(1).children().size());
        assertEquals(2, doc.files().size());
    }

    @Test
    void syntaxErrorInIncludedFileIsReportedInThatFile() throws Exception {
        Path main = write("solo.conf", "include sub.conf;\n");
        Path sub = write("sub.conf", "ok;\nbroken {\n");

        assertEquals(new SourcePosition(sub, 2, 8), error(main).position());
    }

    @Test
    void rejectsWildcardsOutsideTheLastSegment() throws Exception {
        Path main = write("solo.conf", "include */site.conf;\n");

        ConfigError error = error(main);

        assertEquals(new SourcePosition(main, 1, 9), error.position());
        assertEquals("wildcards are only allowed in the last segment of an include path: '*/site.conf'",
                error.message());
    }

    @Test
    void rejectsIncludeWithWrongArgumentCount() throws Exception {
        Path main = write("solo.conf", "\ninclude a.conf b.conf;\n");

        ConfigError error = error(main);

        assertEquals(new SourcePosition(main, 2, 1), error.position());
        assertEquals("'include' takes 1 argument, got 2", error.message());
    }

    @Test
    void rejectsIncludeWrittenAsBlock() throws Exception {
        Path main = write("solo.conf", "include a.conf { }\n");

        assertEquals("'include' cannot open a block", error(main).message());
    }

    @Test
    void rejectsEmptyIncludePath() throws Exception {
        Path main = write("solo.conf", "include \"\";\n");

        assertEquals("empty include path", error(main).message());
    }

    @Test
    void absoluteIncludePathIsUsedAsIs() throws Exception {
        Path other = write("elsewhere/abs.conf", "abs;\n");
        Path main = write("conf/solo.conf", "include \"" + other + "\";\n");

        assertEquals(other, ConfigParser.parse(main).directives().get(0).sourceFile());
    }

    @Test
    void textParsedWithPretendFileIncludesRelativeToThatFile() throws Exception {
        write("conf/extra.conf", "extra;\n");

        ConfigDocument doc = ConfigParser.parse("include extra.conf;", dir.resolve("conf/virtual.conf"));

        assertEquals(List.of("extra"), names(doc.directives()));
    }

    @Test
    void relativeMainFileKeepsPositionsRelative() throws Exception {
        write("conf/solo.conf", "include site.conf;\n");
        write("conf/site.conf", "listen 80;\n");
        Path relativeMain = Path.of("").toAbsolutePath().relativize(dir.resolve("conf/solo.conf"));

        Directive listen = ConfigParser.parse(relativeMain).directives().get(0);

        assertFalse(listen.sourceFile().isAbsolute());
        assertEquals(relativeMain.resolveSibling("site.conf") + ":1:1", listen.position().toString());
    }

    @Test
    void unreadableMainFileIsReportedForTheWholeFile() {
        Path missing = dir.resolve("missing.conf");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(missing));

        assertEquals(SourcePosition.ofFile(missing), e.errors().get(0).position());
        assertEquals(missing + ": cannot read configuration file: no such file", e.getMessage());
    }

    @Test
    void rejectsFileThatIsNotUtf8() throws Exception {
        Path main = dir.resolve("latin1.conf");
        Files.write(main, "name caf\u00e9;".getBytes(StandardCharsets.ISO_8859_1));

        assertEquals("cannot read configuration file: not valid UTF-8", error(main).message());
    }
}
