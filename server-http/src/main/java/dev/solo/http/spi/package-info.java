/**
 * What plugin modules implement: {@link dev.solo.http.spi.HandlerProvider} for handler types and
 * {@link dev.solo.http.spi.SessionManagerProvider} for session support, both found with {@link java.util.ServiceLoader}.
 */
package dev.solo.http.spi;
