/** Internal: errors. */
package dev.solo.http.internal.errors;
