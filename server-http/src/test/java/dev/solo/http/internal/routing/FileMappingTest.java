package dev.solo.http.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMappingTest {

    @TempDir
    Path temp;

    @Test
    void rootAppendsTheWholePath() throws Exception {
        Path root = Files.createDirectories(temp.resolve("www"));
        FileMapping mapping = FileMapping.root(root);
        assertEquals(Optional.of(root.toRealPath().resolve("a/b.html")),
                mapping.resolve("/a/b.html").map(p -> p.toAbsolutePath()).map(this::realParent));
    }

    private Path realParent(Path p) {
        try {
            return p.getParent().toRealPath().resolve(p.getFileName());
        } catch (Exception e) {
            return p;
        }
    }

    @Test
    void aliasReplacesTheLocationPrefix() throws Exception {
        Path desk = Files.createDirectories(temp.resolve("desk"));
        Files.writeString(desk.resolve("page.html"), "x");
        FileMapping mapping = FileMapping.alias(desk, "/test/");
        assertEquals(desk.resolve("page.html").toRealPath(), mapping.resolve("/test/page.html").get().toRealPath());
    }

    @Test
    void refusesDotDotSegments() throws Exception {
        FileMapping mapping = FileMapping.root(Files.createDirectories(temp.resolve("www")));
        assertTrue(mapping.resolve("/../secret").isEmpty());
    }

    @Test
    void refusesASymbolicLinkThatPointsOutsideTheRoot() throws Exception {
        Path root = Files.createDirectories(temp.resolve("www"));
        Path secret = Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("leak.txt"), secret);
        Files.createSymbolicLink(root.resolve("outside"), temp);
        FileMapping mapping = FileMapping.root(root);
        assertTrue(mapping.resolve("/leak.txt").isEmpty());
        assertTrue(mapping.resolve("/outside/secret.txt").isEmpty());
    }

    @Test
    void acceptsASymbolicLinkThatStaysInside() throws Exception {
        Path root = Files.createDirectories(temp.resolve("www"));
        Files.writeString(root.resolve("real.txt"), "ok");
        Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("real.txt"));
        assertTrue(FileMapping.root(root).resolve("/link.txt").isPresent());
    }

    @Test
    void aSiblingDirectoryWithTheRootAsNamePrefixIsOutside() throws Exception {
        Path root = Files.createDirectories(temp.resolve("www"));
        Path sibling = Files.createDirectories(temp.resolve("www2"));
        Files.writeString(sibling.resolve("x.txt"), "x");
        Files.createSymbolicLink(root.resolve("s"), sibling);
        assertTrue(FileMapping.root(root).resolve("/s/x.txt").isEmpty());
    }

    @Test
    void aMissingFileInsideTheRootStillMaps() throws Exception {
        Path root = Files.createDirectories(temp.resolve("www"));
        assertTrue(FileMapping.root(root).resolve("/new/upload.bin").isPresent());
    }
}
