package dev.solo.http.internal.upload;

/**
 * A file an upload stored.
 *
 * @param name its name in the target directory
 * @param url the encoded URL path it is served at, or null when the store is not served by this location
 * @param size its length in bytes
 */
record StoredFile(String name, String url, long size) {
}
