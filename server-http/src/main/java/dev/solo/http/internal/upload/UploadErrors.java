package dev.solo.http.internal.upload;

import dev.solo.http.HttpException;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** Maps file-system failures of an upload to the status a client should see. */
final class UploadErrors {

    private UploadErrors() {
    }

    /**
     * @param failure what the file system reported
     * @param closeConnection true when the body is still arriving and will not be read
     * @return the error to answer with; its message is fixed text, never the exception's (which holds paths)
     */
    static HttpException toHttp(IOException failure, boolean closeConnection) {
        Status status;
        String message;
        if (failure instanceof FileAlreadyExistsException) {
            status = Status.CONFLICT;
            message = "a file of that name already exists";
        } else if (failure instanceof AccessDeniedException) {
            status = Status.FORBIDDEN;
            message = "the upload directory is not writable";
        } else if (isDiskFull(failure)) {
            // RFC 4918 §11.5: the server cannot store the representation needed to complete the request.
            status = Status.INSUFFICIENT_STORAGE;
            message = "not enough space to store the upload";
        } else if (failure instanceof NoSuchFileException) {
            status = Status.NOT_FOUND;
            message = "the upload directory does not exist";
        } else {
            status = Status.INTERNAL_SERVER_ERROR;
            message = null;
        }
        return new HttpException(status, message, closeConnection, failure);
    }

    /**
     * Java reports ENOSPC and EDQUOT as plain {@link IOException}s from {@code write} and as
     * {@link FileSystemException}s from file operations; the C library's message text is all that tells them apart.
     *
     * @param failure an I/O failure
     * @return true when the disk or the quota is full
     */
    static boolean isDiskFull(IOException failure) {
        String text = failure instanceof FileSystemException
                ? ((FileSystemException) failure).getReason()
                : failure.getMessage();
        if (text == null) {
            text = failure.getMessage();
        }
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") // ENOSPC
                || lower.contains("disk quota exceeded") // EDQUOT
                || lower.contains("not enough space on the disk"); // Windows ERROR_DISK_FULL
    }
}
