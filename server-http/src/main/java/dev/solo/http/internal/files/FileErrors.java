package dev.solo.http.internal.files;

import dev.solo.http.HttpException;
import dev.solo.http.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a file-system failure means to the client. Java names only some errors by type; the others come as a plain
 * {@link FileSystemException} whose reason is the operating system's text, which is all there is to tell "a path
 * below a regular file" (the client's mistake) from "out of file descriptors" (ours, and passing).
 *
 * <p>As nginx maps them: a path that cannot name a file (missing, below a regular file, a segment longer than the
 * file system allows) is 404; one the server may not follow (no permission, a loop of symbolic links) is 403. Both
 * are the request's doing, so they are answered quietly. Only what is left (too many open files, I/O errors) is the
 * server's trouble: 503 with {@code Retry-After}, and a warning in the log.
 */
final class FileErrors {

    private static final Logger LOG = LoggerFactory.getLogger(FileErrors.class);
    /** NAME_MAX of Linux, the BSDs and macOS file systems: a longer segment cannot name a file. */
    private static final int NAME_MAX = 255;

    private FileErrors() {
    }

    static HttpException statusFor(FileSystemException e) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return notFound();
        }
        if (e instanceof AccessDeniedException) {
            return forbidden();
        }
        String reason = String.valueOf(e.getReason());
        // ENOTDIR, ENAMETOOLONG; the length check also covers a system whose messages are not in English.
        if (reason.contains("Not a directory") || reason.contains("File name too long")
                || hasOverlongName(e.getFile())) {
            return notFound();
        }
        // ELOOP (a link that leads to itself), EPERM.
        if (reason.contains("Too many levels of symbolic links") || reason.contains("Operation not permitted")) {
            return forbidden();
        }
        // Too many open files, I/O errors...: the server's trouble, and usually a passing one.
        LOG.warn("cannot open {}: {}", e.getFile(), reason);
        return new HttpException(Status.SERVICE_UNAVAILABLE, "temporarily unable to open the file", false)
                .header("Retry-After", "1");
    }

    private static HttpException notFound() {
        return new HttpException(Status.NOT_FOUND, "not found", false);
    }

    private static HttpException forbidden() {
        return new HttpException(Status.FORBIDDEN, "forbidden", false);
    }

    /** @return true when a segment of the path is longer than any file name can be, in bytes as the system sees it */
    static boolean hasOverlongName(String file) {
        if (file == null || file.length() <= NAME_MAX / 3) {
            return false;
        }
        for (String segment : file.split("/")) {
            if (segment.length() > NAME_MAX || segment.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
                return true;
            }
        }
        return false;
    }
}
