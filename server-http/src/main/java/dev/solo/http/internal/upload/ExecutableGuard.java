package dev.solo.http.internal.upload;

import dev.solo.http.HttpException;
import dev.solo.http.Status;
import dev.solo.http.spi.ExecutableFiles;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, with 403, every write of a file that some location of any server would run as a program: an upload of
 * {@code pwn.py} where a {@code cgi .py} location maps, by multipart form, raw PUT or POST, or a DELETE of a script.
 * The configuration check already refuses upload stores inside such areas; this check covers what it cannot see
 * (another location whose root reaches into a CGI directory, another server's mapping of the same files).
 */
final class ExecutableGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutableGuard.class);

    private final List<ExecutableFiles> areas;

    /** @param areas every executable area of the site; a live view, complete before the first request */
    ExecutableGuard(List<ExecutableFiles> areas) {
        this.areas = areas;
    }

    /**
     * @param file the file a request would create, replace or delete
     * @param closeConnection true when the body is still arriving and will not be read
     * @throws HttpException 403 when a location would run it
     */
    void check(Path file, boolean closeConnection) {
        for (ExecutableFiles area : areas) {
            if (area.covers(file)) {
                LOG.warn("Refused a write of {}: {} runs it as a program", file, area.origin());
                throw new HttpException(Status.FORBIDDEN, "the server runs files of this type as programs",
                        closeConnection);
            }
        }
    }
}
