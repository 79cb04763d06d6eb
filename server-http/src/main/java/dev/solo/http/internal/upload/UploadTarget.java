package dev.solo.http.internal.upload;

import dev.solo.http.HttpException;
import dev.solo.http.Location;
import dev.solo.http.Status;
import dev.solo.http.internal.routing.FileMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one upload goes: a directory, the URL it is served at, and, for a body that is one file, the name.
 *
 * @param directory an existing, writable directory
 * @param urlDirectory the encoded URL path of that directory, ending in {@code /}; null when it is not served by the
 *                     location (an {@code upload_store} outside its URL space)
 * @param name the sanitised file name for a raw body; null for a form, whose parts carry their names
 */
record UploadTarget(Path directory, String urlDirectory, String name) {

    /**
     * @param fileName a name in the directory
     * @return the URL it is served at, or null
     */
    String urlOf(String fileName) {
        return urlDirectory == null ? null : urlDirectory + UrlPaths.encodeSegment(fileName);
    }

    /**
     * The target of a multipart form: the store, else the directory the request path maps to.
     *
     * @param location the request's location
     * @param path the decoded request path
     * @param store the {@code upload_store} directory and its URL, if configured
     * @return the target
     * @throws HttpException 403 or 404 when the path does not map to a usable directory
     */
    static UploadTarget forForm(Location location, String path, Optional<Store> store) {
        if (store.isPresent()) {
            return new UploadTarget(store.get().directory(), store.get().url(), null);
        }
        Path directory = mapped(location, path);
        checkDirectory(directory);
        return new UploadTarget(directory, UrlPaths.encodePath(path.endsWith("/") ? path : path + "/"), null);
    }

    /**
     * The target of a raw body: the name is the request path's last segment, the directory is the store or the
     * directory that holds the mapped file.
     *
     * @param location the request's location
     * @param path the decoded request path
     * @param store the {@code upload_store} directory and its URL, if configured
     * @return the target
     * @throws HttpException 400 without a usable name, 403 or 404 when the directory is not usable
     */
    static UploadTarget forFile(Location location, String path, Optional<Store> store) {
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (last.isEmpty()) {
            throw error(Status.BAD_REQUEST, "the request path names no file");
        }
        String name = FileNames.sanitize(last).orElseThrow(() -> error(Status.BAD_REQUEST, "unusable file name"));
        if (store.isPresent()) {
            return new UploadTarget(store.get().directory(), store.get().url(), name);
        }
        Path directory = mapped(location, path).getParent();
        checkDirectory(directory);
        return new UploadTarget(directory, UrlPaths.encodePath(path.substring(0, slash + 1)), name);
    }

    /**
     * Maps a request path to a file, refusing hidden segments: a client must not reach into {@code .git} or
     * {@code .well-known} by uploading, even where static files would serve them.
     */
    static Path mapped(Location location, String path) {
        for (String segment : path.split("/")) {
            if (FileNames.isHidden(segment)) {
                throw error(Status.FORBIDDEN, "hidden paths are not writable");
            }
        }
        Optional<Path> file = location.resolve(path);
        if (file.isEmpty() && !FileMapping.representable(path)) {
            // LANG=C and a non-ASCII path: no such name can be made here; the client's request, not the server's fault.
            throw error(Status.BAD_REQUEST, "unusable file name");
        }
        return file.orElseThrow(() -> error(Status.FORBIDDEN, "outside the document root"));
    }

    private static void checkDirectory(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            throw error(Status.NOT_FOUND, "the upload directory does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw error(Status.FORBIDDEN, "the upload target is not a directory");
        }
        if (!Files.isWritable(directory)) {
            throw error(Status.FORBIDDEN, "the upload directory is not writable");
        }
    }

    /** An error answered before the body is read: the server discards the body and keeps the connection. */
    static HttpException error(Status status, String safeMessage) {
        return new HttpException(status, safeMessage, false);
    }

    /**
     * An {@code upload_store} directory.
     *
     * @param directory the absolute, normalised directory
     * @param url its encoded URL path ending in {@code /}, or null when the location does not serve it
     */
    record Store(Path directory, String url) {

        /**
         * Finds the URL a location serves a store at: the store must lie under the location's root or alias, and
         * the candidate URL must fall in the location's prefix and map back to the store.
         *
         * @param location the location
         * @param directory the store directory
         * @return the store with its URL, or with null when none was found
         */
        static Store of(Location location, Path directory) {
            Path store = directory.toAbsolutePath().normalize();
            String url = null;
            if (location.root().isPresent()) {
                Path root = location.root().get().toAbsolutePath().normalize();
                if (store.startsWith(root)) {
                    StringBuilder relative = new StringBuilder();
                    for (Path segment : root.relativize(store)) {
                        if (!segment.toString().isEmpty()) {
                            relative.append(segment).append('/');
                        }
                    }
                    String prefix = location.prefix().endsWith("/") ? location.prefix() : location.prefix() + "/";
                    for (String candidate : new String[] {"/" + relative, prefix + relative}) {
                        if (!location.exact() && candidate.startsWith(prefix) && servesAt(location, candidate, store)) {
                            url = UrlPaths.encodePath(candidate);
                            break;
                        }
                    }
                }
            }
            return new Store(store, url);
        }

        private static boolean servesAt(Location location, String candidate, Path store) {
            return location.resolve(candidate).map(p -> p.toAbsolutePath().normalize().equals(store)).orElse(false);
        }
    }
}
