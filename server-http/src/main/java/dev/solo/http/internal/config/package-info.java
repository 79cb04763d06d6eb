/** Internal: config. */
package dev.solo.http.internal.config;
