/** Internal: handlers. */
package dev.solo.http.internal.handlers;
