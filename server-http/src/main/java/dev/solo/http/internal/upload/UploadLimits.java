package dev.solo.http.internal.upload;

/**
 * What one upload request may make the server hold in memory or on disk, beyond the body size the connection
 * already bounds with {@code client_max_body_size}.
 *
 * @param maxPartHeaderBytes the largest header section of one multipart part, in bytes; more is a 400
 * @param maxFieldBytes the total size of the ordinary form fields kept in memory (names and values), in bytes; more
 *                      is a 413
 * @param maxFiles the most files one request may store; more is a 413
 */
record UploadLimits(int maxPartHeaderBytes, int maxFieldBytes, int maxFiles) {

    /** 8 KiB of part headers, 64 KiB of fields, 1000 files. */
    static final UploadLimits DEFAULTS = new UploadLimits(8 * 1024, 64 * 1024, 1000);

    /** Checks the bounds. */
    UploadLimits {
        if (maxPartHeaderBytes < 64 || maxFieldBytes < 0 || maxFiles < 1) {
            throw new IllegalArgumentException("invalid upload limits");
        }
    }
}
