/**
 * Uses Solo's HTTP/1.1 codec on its own, without the server: {@link dev.solo.examples.codec.RequestSummary} decodes a
 * request head from bytes. It compiles only because {@code dev.solo.http} exports {@code dev.solo.http.codec} to every
 * module.
 */
module dev.solo.examples.codec {
    // Transitive: HttpLimits, a dev.solo.http type, is in this module's API (RequestSummary.of).
    requires transitive dev.solo.http;

    exports dev.solo.examples.codec;
}
