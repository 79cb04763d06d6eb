/**
 * What the server adds to responses on their way out, configured as in nginx: {@code add_header} (with its
 * inheritance and {@code always}), the variables of {@code return}, {@code expires} and {@code etag}.
 */
package dev.solo.it.features.headers;
