package dev.solo.http.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.HttpException;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class UploadErrorsTest {

    @Test
    void recognisesAFullDiskFromWriteAndFromFileOperations() {
        assertTrue(UploadErrors.isDiskFull(new IOException("No space left on device")));
        assertTrue(UploadErrors.isDiskFull(new FileSystemException("/srv/a", null, "No space left on device")));
        assertTrue(UploadErrors.isDiskFull(new IOException("Disk quota exceeded")));
        assertFalse(UploadErrors.isDiskFull(new IOException("Input/output error")));
        assertFalse(UploadErrors.isDiskFull(new IOException()));
    }

    @Test
    void mapsFailuresToStatuses() {
        assertEquals(Status.INSUFFICIENT_STORAGE, UploadErrors.toHttp(new IOException("No space left on device"), true)
                .status());
        assertEquals(Status.FORBIDDEN, UploadErrors.toHttp(new AccessDeniedException("/srv"), false).status());
        assertEquals(Status.CONFLICT, UploadErrors.toHttp(new FileAlreadyExistsException("/srv/a"), false).status());
        assertEquals(Status.NOT_FOUND, UploadErrors.toHttp(new NoSuchFileException("/srv"), false).status());
        assertEquals(Status.INTERNAL_SERVER_ERROR, UploadErrors.toHttp(new IOException("EIO"), false).status());
    }

    @Test
    void neverShowsTheExceptionTextToTheClient() {
        HttpException error = UploadErrors.toHttp(new AccessDeniedException("/srv/secret/path"), true);

        assertFalse(error.safeMessage().contains("/srv"));
        assertTrue(error.closeConnection());
    }
}
