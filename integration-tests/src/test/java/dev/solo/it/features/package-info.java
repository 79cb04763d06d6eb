/**
 * Integration tests of Solo's features through the real server on loopback: uploads ({@code upload}), CGI scripts
 * ({@code cgi}), sessions ({@code session}) and the demo site in a headless browser ({@code browser}), with the
 * helpers they share in {@code support}. Each test asserts what a user sees: statuses, headers, bytes, files on
 * disk, pages in a browser.
 */
package dev.solo.it.features;
