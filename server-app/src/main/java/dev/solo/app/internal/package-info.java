/**
 * The launcher's wiring that no other module calls: the built-in logging setup, found by Logback's ServiceLoader; the
 * process directives ({@code worker_processes}, {@code pid}); the supervisor of worker processes and each worker's
 * watch on it; signals and the pid file behind {@code solo --reload}.
 */
package dev.solo.app.internal;
