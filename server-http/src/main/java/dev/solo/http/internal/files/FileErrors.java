package dev.solo.http.internal.files;

import dev.solo.http.HttpException;
import dev.solo.http.Status;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a file-system failure means to the client. Java names only some errors by type; the others come as a plain
 * {@link FileSystemException} whose reason is the operating system's text, which is all there is to tell "a path
 * below a regular file" (the client's mistake) from "out of file descriptors" (ours, and passing).
 */
final class FileErrors {

    private static final Logger LOG = LoggerFactory.getLogger(FileErrors.class);

    private FileErrors() {
    }

    static HttpException statusFor(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return new HttpException(Status.NOT_FOUND, "not found", false);
        }
        if (e instanceof AccessDeniedException) {
            return new HttpException(Status.FORBIDDEN, "forbidden", false);
        }
        String reason = String.valueOf(e.getReason());
        if (reason.contains("Not a directory")) {
            return new HttpException(Status.NOT_FOUND, "not found", false);
        }
        // Too many open files, I/O errors...: the server's trouble, and usually a passing one.
        LOG.warn("cannot open {}: {}", e.getFile(), reason);
        return new HttpException(Status.SERVICE_UNAVAILABLE, "temporarily unable to open the file", false)
                .header("Retry-After", "1");
    }
}
