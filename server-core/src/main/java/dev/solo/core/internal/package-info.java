/**
 * The selector loop, its timer heap, the acceptor and the socket transport. Not exported: protocols see only the
 * interfaces of {@code dev.solo.core} and {@code dev.solo.core.spi}.
 */
package dev.solo.core.internal;
