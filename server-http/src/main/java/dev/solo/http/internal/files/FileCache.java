package dev.solo.http.internal.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the static handler knows about the files it served recently, like nginx's {@code open_file_cache}: the
 * checked path, its attributes and validators, and for small files the bytes themselves, so a hot small file costs
 * no system call at all and leaves in one write with its head. An entry is trusted for {@link #VALID_MILLIS} after it
 * was checked; then the path is resolved and stat'ed again and the content re-read only if size or time changed.
 *
 * <p>Bounded by entry count and by total cached content, least recently used first out. Loop thread only.
 */
final class FileCache {

    /** How long a checked entry is trusted without a new stat. */
    static final long VALID_MILLIS = 1_000;
    /** Files up to this size are kept in memory (beyond it, sendfile's saving outweighs the extra write). */
    static final int MAX_CACHED_FILE = 64 * 1024;
    private static final int MAX_ENTRIES = 4096;
    /** Direct memory for cached contents: 8 MiB keeps the whole server within 64 MiB resident on any site. */
    private static final long MAX_CONTENT_BYTES = 8L * 1024 * 1024;

    /**
     * A checked file. {@code content} is a read-only buffer for small files, null for others and once the entry is
     * evicted: {@link PathResolutions} may still point at an evicted entry, and must not keep its memory alive.
     */
    static final class Entry {
        final Path file;
        final BasicFileAttributes attributes;
        final String etag;
        final String lastModified;
        /** The modification time in epoch milliseconds (the attributes make a new {@code FileTime} per call). */
        final long modifiedMillis;
        final String contentType;
        ByteBuffer content;
        long checkedAt;
        /** Dropped from the cache: whoever still holds the entry must look the file up again. */
        boolean evicted;

        Entry(Path file, BasicFileAttributes attributes, String contentType, ByteBuffer content, long now) {
            this.file = file;
            this.attributes = attributes;
            this.etag = Validators.etag(attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            this.modifiedMillis = attributes.lastModifiedTime().toMillis();
            this.lastModified = Validators.httpDate(modifiedMillis);
            this.contentType = contentType;
            this.content = content;
            this.checkedAt = now;
        }

        boolean sameFile(BasicFileAttributes other) {
            return other.size() == attributes.size() && other.lastModifiedTime().equals(attributes.lastModifiedTime())
                    && other.isRegularFile() == attributes.isRegularFile();
        }
    }

    private final LinkedHashMap<Path, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
            if (size() > MAX_ENTRIES) {
                forget(eldest.getValue());
                return true;
            }
            return false;
        }
    };
    private final MimeTypes mimeTypes;
    private long contentBytes;

    FileCache(MimeTypes mimeTypes) {
        this.mimeTypes = mimeTypes;
    }

    /**
     * @param file a path already resolved inside its root
     * @param now the loop's clock
     * @return the entry, checked within {@link #VALID_MILLIS}
     * @throws IOException when the file cannot be stat'ed (missing, denied)
     */
    Entry get(Path file, long now) throws IOException {
        Entry entry = entries.get(file);
        if (isCurrent(entry, now)) {
            return entry;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            if (entry != null) {
                entries.remove(file);
                forget(entry);
            }
            throw e;
        }
        if (entry != null && entry.sameFile(attributes)) {
            entry.checkedAt = now;
            return entry;
        }
        if (entry != null) {
            entries.remove(file);
            forget(entry);
        }
        Entry fresh = new Entry(file, attributes, mimeTypes.forName(file.getFileName().toString()),
                attributes.isRegularFile() && attributes.size() <= MAX_CACHED_FILE ? read(file, attributes) : null,
                now);
        if (fresh.content != null) {
            contentBytes += fresh.content.capacity();
            // Oldest first out until the new content fits the budget.
            while (contentBytes > MAX_CONTENT_BYTES && !entries.isEmpty()) {
                var eldest = entries.entrySet().iterator();
                forget(eldest.next().getValue());
                eldest.remove();
            }
        }
        entries.put(file, fresh);
        return fresh;
    }

    /**
     * @param entry an entry returned earlier
     * @param now the loop's clock
     * @return whether the entry may still be used without {@link #get}: in the cache and checked within
     *         {@link #VALID_MILLIS}
     */
    static boolean isCurrent(Entry entry, long now) {
        return entry != null && !entry.evicted && now - entry.checkedAt < VALID_MILLIS;
    }

    private void forget(Entry entry) {
        entry.evicted = true;
        if (entry.content != null) {
            contentBytes -= entry.content.capacity();
            // Responses in flight hold their own view of the buffer; the next collection frees it after them.
            entry.content = null;
        }
    }

    /** Reads a small file whole; null when it changed size under us (the caller then streams it). */
    private static ByteBuffer read(Path file, BasicFileAttributes attributes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // Direct, so the socket write needs no copy into a temporary native buffer first.
            ByteBuffer content = ByteBuffer.allocateDirect((int) attributes.size());
            while (content.hasRemaining()) {
                if (channel.read(content) < 0) {
                    return null;
                }
            }
            if (channel.read(ByteBuffer.allocate(1)) > 0) {
                return null;
            }
            return content.flip().asReadOnlyBuffer();
        }
    }
}
