/**
 * HTTP/1.1 for Solo: the codec, the connection state machine, virtual hosts and locations, static files, directory
 * listings, uploads and error pages.
 *
 * <p>Handler types are plugins: a module provides {@link dev.solo.http.spi.HandlerProvider} (and declares its
 * directives as a {@link dev.solo.config.spi.DirectiveProvider}); this module finds them with
 * {@link dev.solo.config.spi.Plugins}, and its {@code uses} lines make JPMS resolve the modules that provide them.
 */
module dev.solo.http {
    requires transitive dev.solo.core;
    requires transitive dev.solo.config;
    requires org.slf4j;

    exports dev.solo.http;
    exports dev.solo.http.spi;
    // The codec stands alone (ByteBuffers in, heads out, no loop): CGI parses script output with it, and any program
    // may parse or write HTTP/1.1 with it.
    exports dev.solo.http.codec;

    uses dev.solo.http.spi.HandlerProvider;
    uses dev.solo.http.spi.SessionManagerProvider;
    uses dev.solo.http.spi.TlsProvider;

    // The server's own directives, declared like any plugin's.
    // Uploads declare upload and upload_store; the response filter add_header, expires, etag and gzip*.
    provides dev.solo.config.spi.DirectiveProvider with
            dev.solo.http.internal.config.HttpDirectives,
            dev.solo.http.internal.upload.UploadDirectives,
            dev.solo.http.internal.response.ResponseDirectives;
    // Built-in handler types: return, static files.
    provides dev.solo.http.spi.HandlerProvider with
            dev.solo.http.internal.handlers.ReturnProvider,
            dev.solo.http.internal.files.StaticFilesProvider,
            // Uploads: POST/PUT stores files, DELETE removes them, where "upload on;" applies.
            dev.solo.http.internal.upload.UploadHandlerProvider;
}
