/**
 * What a protocol implements to run on the loop: a {@link dev.solo.core.spi.ConnectionFactory} per listener that
 * opens a {@link dev.solo.core.spi.ConnectionHandler} for each accepted socket.
 */
package dev.solo.core.spi;
