package dev.solo.http.internal.upload;

/**
 * An ordinary (non-file) field of a multipart form.
 *
 * @param name the field name
 * @param value the value, decoded as UTF-8 (RFC 7578 §5.1.2 makes UTF-8 the default for form-data)
 */
record FormField(String name, String value) {
}
