package dev.solo.http.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.solo.http.HttpException;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadTargetTest {

    @TempDir
    Path root;

    @Test
    void encodesNamesAsPathSegments() {
        assertEquals("a%20(1).txt", UrlPaths.encodeSegment("a (1).txt"));
        assertEquals("r%C3%A9sum%C3%A9%25%2F%3F%23", UrlPaths.encodeSegment("r\u00e9sum\u00e9%/?#"));
        assertEquals("/d%20ir/sub/", UrlPaths.encodePath("/d ir/sub/"));
    }

    @Test
    void findsTheUrlOfAStoreInsideTheLocation() throws IOException {
        Path store = Files.createDirectories(root.resolve("up/in box"));

        assertEquals("/up/in%20box/", UploadTarget.Store.of(new TestLocation("/up/", root), store).url());
        assertEquals("/up/in%20box/", UploadTarget.Store.of(new TestLocation("/", root), store).url());
    }

    @Test
    void hasNoUrlForAStoreOutsideTheLocationsUrlSpace(@TempDir Path elsewhere) throws IOException {
        Path store = Files.createDirectories(root.resolve("private"));

        assertNull(UploadTarget.Store.of(new TestLocation("/up/", root), store).url());
        assertNull(UploadTarget.Store.of(new TestLocation("/", root), elsewhere).url());
    }

    @Test
    void refusesHiddenSegmentsAnywhereInThePath() throws IOException {
        Files.createDirectories(root.resolve("a"));
        TestLocation location = new TestLocation("/", root);

        for (String path : new String[] {"/a/.htaccess", "/.git/config", "/a/..x"}) {
            HttpException error = assertThrows(HttpException.class,
                    () -> UploadTarget.forFile(location, path, Optional.empty()), path);
            assertEquals(Status.FORBIDDEN, error.status());
        }
    }

    @Test
    void namesTheFileOfARawUploadAfterTheLastPathSegment() throws IOException {
        Files.createDirectories(root.resolve("a/b"));
        UploadTarget target = UploadTarget.forFile(new TestLocation("/", root), "/a/b/x y|z.txt", Optional.empty());

        assertEquals(root.resolve("a/b"), target.directory());
        assertEquals("x y_z.txt", target.name());
        assertEquals("/a/b/x%20y_z.txt", target.urlOf(target.name()));
    }
}
