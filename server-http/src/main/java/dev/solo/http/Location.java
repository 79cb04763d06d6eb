package dev.solo.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The resolved settings of a {@code location} block, with what it inherited from its server. */
public interface Location {

    /** @return the prefix as written, e.g. {@code /images/}, or the exact path for {@code location = /x} */
    String prefix();

    /** @return true for an exact-match location ({@code location = /path}) */
    boolean exact();

    /** @return the methods the {@code methods} setting lets through to the handlers (HEAD is implied by GET) */
    Set<Method> methods();

    /**
     * The methods this location answers: those of {@link #methods()} that one of its handlers takes, and OPTIONS.
     * This is what both OPTIONS and a 405 list in {@code Allow}.
     *
     * @return the methods; by default {@link #methods()}
     */
    default Set<Method> allowedMethods() {
        return methods();
    }

    /**
     * @return true when clients can create files here (a handler has {@link dev.solo.http.Handler#writeMethods()})
     *         and the location has not opted in with {@code upload_inline on;}: the files it serves may come from
     *         anybody, so active types (HTML, SVG, XML, JavaScript) go out as downloads. False by default.
     */
    default boolean servesClientFiles() {
        return false;
    }

    /**
     * Maps a decoded, normalised request path to a file through {@code root} or {@code alias}.
     *
     * @param path a path that starts with {@code /} and holds no dot segments
     * @return the file, guaranteed to lie inside the location's root, or empty when there is no root or the path
     *         would leave it (through a symbolic link, for instance)
     */
    Optional<Path> resolve(String path);

    /** @return the document root (for {@code alias}, the alias directory), if any */
    Optional<Path> root();

    /** @return index file names, in order */
    List<String> indexFiles();

    /** @return whether directories without an index file are listed */
    boolean autoindex();

    /** @return the largest request body accepted, in bytes */
    long maxBodySize();

    /** @return the name of the server block that holds this location (its first {@code server_name}, or empty) */
    String serverName();
}
