/**
 * What plugin modules implement: {@link dev.solo.http.spi.HandlerProvider} for handler types and
 * {@link dev.solo.http.spi.SessionManagerProvider} for session support, both found with {@link java.util.ServiceLoader};
 * a handler type that runs files as programs describes where with {@link dev.solo.http.spi.ExecutableFiles}.
 */
package dev.solo.http.spi;
