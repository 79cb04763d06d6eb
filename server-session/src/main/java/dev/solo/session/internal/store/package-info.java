/**
 * The built-in session stores: {@code memory} (the default) and {@code file}, which share an LRU index capped by
 * {@code session_max} and one expiry timer on the loop.
 */
package dev.solo.session.internal.store;
