/**
 * Internal: what the server does to every response on its way out, per location, as nginx's header and gzip filters
 * do: {@code add_header}, {@code expires}, {@code etag}, on-the-fly gzip and the variables of {@code return}.
 */
package dev.solo.http.internal.response;
