package dev.solo.http.internal.files;

import dev.solo.http.Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recent request-path to file mappings of one location. Resolving a path checks containment on real paths, which
 * costs a system call per path component; a hot path is resolved again only after {@link FileCache#VALID_MILLIS}.
 * Bounded, least recently used first out. Loop thread only.
 */
final class PathResolutions {

    private static final int MAX_ENTRIES = 4096;

    private record Resolution(Optional<Path> file, long checkedAt) {
    }

    private final LinkedHashMap<String, Resolution> recent = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Resolution> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    Optional<Path> resolve(Location location, String path, long now) {
        Resolution hit = recent.get(path);
        if (hit != null && now - hit.checkedAt() < FileCache.VALID_MILLIS) {
            return hit.file();
        }
        Optional<Path> file = location.resolve(path);
        recent.put(path, new Resolution(file, now));
        return file;
    }
}
