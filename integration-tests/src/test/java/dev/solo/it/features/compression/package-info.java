/**
 * Fewer bytes on the wire: on-the-fly gzip of files, error pages, handler responses and CGI output (streamed), with
 * {@code Accept-Encoding} q-values, {@code Vary}, weak ETags and the cases never compressed; precompressed
 * {@code .gz}/{@code .br} files; decoded by real clients (the JDK's inflater, curl).
 */
package dev.solo.it.features.compression;
