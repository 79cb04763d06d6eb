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

    /** @return the accepted methods (HEAD is implied by GET) */
    Set<Method> methods();

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
