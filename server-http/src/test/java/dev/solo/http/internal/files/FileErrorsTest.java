package dev.solo.http.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.HttpException;
import dev.solo.http.Status;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File-system failures as statuses: the client's doing is 404 or 403, only the server's own trouble is 503. */
class FileErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Not a directory|404", "File name too long|404",
        "Too many levels of symbolic links or unable to access attributes of symbolic link|403",
        "Operation not permitted|403", "Too many open files|503", "Input/output error|503"})
    void mapsTheSystemsReasonToAStatus(String reason, int status) {
        HttpException error = FileErrors.statusFor(new FileSystemException("/srv/www/a", null, reason));
        assertEquals(status, error.status().code());
        assertEquals(status == 503, error.headers().get("Retry-After") != null);
    }

    @Test
    void mapsTheTypedExceptions() {
        assertEquals(Status.NOT_FOUND, FileErrors.statusFor(new NoSuchFileException("/a")).status());
        assertEquals(Status.FORBIDDEN, FileErrors.statusFor(new AccessDeniedException("/a")).status());
    }

    @Test
    void recognisesAnOverlongNameWhateverTheMessageLanguage() {
        String path = "/srv/www/" + "n".repeat(256);
        assertEquals(Status.NOT_FOUND,
                FileErrors.statusFor(new FileSystemException(path, null, "Nom de fichier trop long")).status());
        assertTrue(FileErrors.hasOverlongName("/srv/" + "\u00e9".repeat(128)), "256 bytes in 128 characters");
        assertFalse(FileErrors.hasOverlongName("/srv/" + "n".repeat(255)));
        assertFalse(FileErrors.hasOverlongName(null));
    }
}
