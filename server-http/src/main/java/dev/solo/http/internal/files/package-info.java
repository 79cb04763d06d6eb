/** Internal: files. */
package dev.solo.http.internal.files;
