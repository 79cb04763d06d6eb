package dev.solo.http.internal.response;

/**
 * One {@code add_header NAME VALUE [always];}.
 *
 * @param name the field name, checked to be a token
 * @param value the value, with variables
 * @param always whether it goes on every response, not only on the successful and redirect ones
 */
record AddedHeader(String name, ValueTemplate value, boolean always) {
}
