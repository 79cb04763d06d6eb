/**
 * The HTTP/1.1 codec: request head and body decoding, path decoding, response head encoding and HTTP dates.
 *
 * <p>Everything here works on {@link java.nio.ByteBuffer}s and Strings only. There is no I/O and no dependency on the
 * event loop, so the codec can be used and tested alone:
 *
 * <pre>{@code
 * RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS);
 * ByteBuffer in = ByteBuffer.wrap("GET /a HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
 * if (decoder.decode(in) == RequestDecoder.Result.HEAD_COMPLETE) {
 *     RequestHead head = decoder.head();
 *     String path = PathDecoder.decode(head.path());
 * }
 * }</pre>
 *
 * <p>The parsers are strict (RFC 9110, RFC 9112): where the RFC says MUST they do it, and where it leaves a choice
 * they take the choice that leaves no room for two parsers to disagree about where a message ends, because that
 * disagreement is how request smuggling happens. Each such choice is documented where it is made, with its section.
 * Violations throw {@link dev.solo.http.HttpException} with the status to answer.
 *
 * <p>Instances are per connection and single-threaded; shared tables are immutable.
 */
package dev.solo.http.codec;
