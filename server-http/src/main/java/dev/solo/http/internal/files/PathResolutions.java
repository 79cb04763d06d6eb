package dev.solo.http.internal.files;

import dev.solo.http.Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recent request-path to file mappings of one location. Resolving a path checks containment on real paths, which
 * costs a system call per path component; a hot path is resolved again only after {@link FileCache#VALID_MILLIS}.
 * Each mapping also keeps the {@link FileCache} entry it led to last, so a hot file costs one map lookup per request
 * rather than two. Bounded, least recently used first out. Loop thread only.
 */
final class PathResolutions {

    private static final int MAX_ENTRIES = 4096;

    /** Where a request path led, when that was checked, and the cache entry of the file it led to. */
    static final class Resolution {
        final Optional<Path> file;
        final long checkedAt;
        /** The file's cache entry as last looked up; check {@link FileCache#isCurrent} before use. */
        FileCache.Entry entry;

        Resolution(Optional<Path> file, long checkedAt) {
            this.file = file;
            this.checkedAt = checkedAt;
        }
    }

    private final LinkedHashMap<String, Resolution> recent = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Resolution> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    Resolution resolve(Location location, String path, long now) {
        Resolution hit = recent.get(path);
        if (hit != null && now - hit.checkedAt < FileCache.VALID_MILLIS) {
            return hit;
        }
        Resolution fresh = new Resolution(location.resolve(path), now);
        recent.put(path, fresh);
        return fresh;
    }
}
