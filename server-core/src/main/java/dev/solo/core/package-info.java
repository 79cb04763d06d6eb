/**
 * The loop's public face: {@link dev.solo.core.Server} to bind and run, {@link dev.solo.core.EventLoop} for tasks and
 * timers, {@link dev.solo.core.Transport} for a connection's socket, {@link dev.solo.core.BufferPool} for I/O buffers.
 * Everything here except {@link dev.solo.core.EventLoop#execute(Runnable)} and {@link dev.solo.core.Server#shutdown}
 * must be called on the loop thread.
 */
package dev.solo.core;
