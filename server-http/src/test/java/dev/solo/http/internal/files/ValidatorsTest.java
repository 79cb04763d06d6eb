package dev.solo.http.internal.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The preconditions of RFC 9110 §13.2.2 steps 1 and 2 on a file's validators. */
class ValidatorsTest {

    private static final String ETAG = "\"5f-1a\"";
    /** Mon, 01 Jun 2020 12:00:00 GMT plus half a second (the dates have one-second resolution). */
    private static final long MODIFIED = 1_591_012_800_500L;

    @Test
    void ifMatchComparesStrongly() {
        assertFalse(Validators.preconditionFails("*", null, ETAG, MODIFIED));
        assertFalse(Validators.preconditionFails(ETAG, null, ETAG, MODIFIED));
        assertFalse(Validators.preconditionFails("\"x\" , " + ETAG, null, ETAG, MODIFIED));
        assertTrue(Validators.preconditionFails("\"x\"", null, ETAG, MODIFIED));
        assertTrue(Validators.preconditionFails("W/" + ETAG, null, ETAG, MODIFIED));
        assertTrue(Validators.preconditionFails("", null, ETAG, MODIFIED));
    }

    @Test
    void ifUnmodifiedSinceFailsOnlyForAnEarlierValidDate() {
        assertTrue(Validators.preconditionFails(null, "Mon, 01 Jun 2020 11:59:59 GMT", ETAG, MODIFIED));
        assertFalse(Validators.preconditionFails(null, "Mon, 01 Jun 2020 12:00:00 GMT", ETAG, MODIFIED));
        assertFalse(Validators.preconditionFails(null, "yesterday", ETAG, MODIFIED));
    }

    @Test
    void ifMatchTakesPrecedenceOverIfUnmodifiedSince() {
        assertFalse(Validators.preconditionFails(ETAG, "Mon, 01 Jun 2020 11:59:59 GMT", ETAG, MODIFIED));
    }

    @Test
    void aRepresentationWithoutTagMatchesOnlyTheWildcard() {
        assertFalse(Validators.ifMatchFails(null, null));
        assertFalse(Validators.ifMatchFails("*", null));
        assertTrue(Validators.ifMatchFails("\"x\"", null));
    }
}
