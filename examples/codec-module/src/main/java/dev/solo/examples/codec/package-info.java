/** A user of the codec alone: parses request heads from bytes with {@link dev.solo.http.codec.RequestDecoder}. */
package dev.solo.examples.codec;
