/**
 * Uploads (RFC 7578 forms, raw PUT and POST) of 0 B to 256 MiB, with {@code Content-Length} and chunked, compared by
 * SHA-256 after download; aborted and oversized uploads that must leave nothing; DELETE and the methods a location
 * allows.
 */
package dev.solo.it.features.upload;
