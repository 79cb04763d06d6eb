package dev.solo.http.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.http.Location;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {

    @TempDir
    Path root;

    private final FileCache cache = new FileCache(MimeTypes.load());

    private static String text(ByteBuffer content) {
        byte[] bytes = new byte[content.remaining()];
        content.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void servesASmallFileFromMemoryWithItsValidatorsAndType() throws Exception {
        Path file = Files.writeString(root.resolve("page.html"), "<p>hello</p>");
        FileCache.Entry entry = cache.get(file, 0);
        assertEquals("<p>hello</p>", text(entry.content));
        assertTrue(entry.content.isDirect() && entry.content.isReadOnly());
        assertTrue(entry.contentType.startsWith("text/html"), entry.contentType);
        assertTrue(entry.etag.startsWith("\"") && entry.etag.endsWith("\""), entry.etag);
        assertSame(entry, cache.get(file, FileCache.VALID_MILLIS - 1));
        assertTrue(FileCache.isCurrent(entry, FileCache.VALID_MILLIS - 1));
        assertFalse(FileCache.isCurrent(entry, FileCache.VALID_MILLIS));
    }

    @Test
    void keepsLargeFilesOnDiskOnly() throws Exception {
        Path file = Files.write(root.resolve("big.bin"), new byte[FileCache.MAX_CACHED_FILE + 1]);
        assertNull(cache.get(file, 0).content);
    }

    @Test
    void seesAChangedFileOnceTheEntryIsNoLongerTrusted() throws Exception {
        Path file = Files.writeString(root.resolve("a.txt"), "old");
        FileCache.Entry old = cache.get(file, 0);
        Files.writeString(file, "newer");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertSame(old, cache.get(file, 10), "trusted within the validity window");
        FileCache.Entry fresh = cache.get(file, FileCache.VALID_MILLIS + 10);
        assertNotSame(old, fresh);
        assertEquals("newer", text(fresh.content));
        assertFalse(FileCache.isCurrent(old, FileCache.VALID_MILLIS + 10), "the replaced entry is evicted");
    }

    @Test
    void keepsTheEntryOfAnUnchangedFileAfterRevalidating() throws Exception {
        Path file = Files.writeString(root.resolve("same.txt"), "same");
        FileCache.Entry entry = cache.get(file, 0);
        assertSame(entry, cache.get(file, FileCache.VALID_MILLIS * 3));
        assertTrue(FileCache.isCurrent(entry, FileCache.VALID_MILLIS * 3));
    }

    @Test
    void forgetsADeletedFile() throws Exception {
        Path file = Files.writeString(root.resolve("gone.txt"), "x");
        FileCache.Entry entry = cache.get(file, 0);
        Files.delete(file);
        assertThrows(NoSuchFileException.class, () -> cache.get(file, FileCache.VALID_MILLIS));
        assertFalse(FileCache.isCurrent(entry, 0), "a path that failed to stat leaves no usable entry behind");
    }

    @Test
    void evictsTheOldestContentWhenTheBudgetIsFull() throws Exception {
        byte[] block = new byte[FileCache.MAX_CACHED_FILE];
        Path first = Files.write(root.resolve("0.bin"), block);
        FileCache.Entry oldest = cache.get(first, 0);
        // 8 MiB of content budget: 256 more files of 64 KiB push the first one out.
        for (int i = 1; i <= 256; i++) {
            cache.get(Files.write(root.resolve(i + ".bin"), block), 0);
        }
        assertFalse(FileCache.isCurrent(oldest, 0));
        assertNotSame(oldest, cache.get(first, 0));
    }

    @Test
    void anEvictedEntryLetsGoOfItsContentSoThatNoOneElseKeepsItAlive() throws Exception {
        // PathResolutions keeps the entry each request path led to, after the cache has dropped it: with thousands of
        // distinct paths (uploads named once, fetched once), contents kept that way grew without bound.
        byte[] block = new byte[FileCache.MAX_CACHED_FILE];
        List<FileCache.Entry> seen = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            seen.add(cache.get(Files.write(root.resolve(i + ".bin"), block), 0));
        }
        long held = 0;
        for (FileCache.Entry entry : seen) {
            if (entry.content != null) {
                assertFalse(entry.evicted);
                held += entry.content.capacity();
            }
        }
        assertTrue(held <= 8L * 1024 * 1024, held + " bytes still held by entries");
        assertNull(seen.get(0).content, "the oldest was evicted and holds nothing");
        assertNotNull(seen.get(599).content, "the newest is cached");
    }

    @Test
    void rememberedResolutionsResolveAPathOncePerValidityWindow() {
        Location location = mock(Location.class);
        Path file = root.resolve("x.html");
        when(location.resolve("/x.html")).thenReturn(Optional.of(file));
        PathResolutions resolutions = new PathResolutions();
        PathResolutions.Resolution first = resolutions.resolve(location, "/x.html", 0);
        assertSame(first, resolutions.resolve(location, "/x.html", FileCache.VALID_MILLIS - 1));
        assertEquals(Optional.of(file), first.file);
        assertNotSame(first, resolutions.resolve(location, "/x.html", FileCache.VALID_MILLIS));
        verify(location, times(2)).resolve("/x.html");
    }
}
