/**
 * CGI/1.1 (RFC 3875) for Solo: runs scripts by file extension without ever blocking the event loop.
 *
 * <p>Usage, in a configuration file:
 * <pre>{@code
 * cgi_max_processes 16;                 # main or server: concurrent scripts; beyond it requests wait for a slot
 * cgi_queue_size 128;                   # how many may wait; beyond it 503 + Retry-After
 * cgi_queue_timeout 30s;                # how long one may wait; then 503 + Retry-After
 * server {
 *     root site;
 *     location /cgi-bin/ {
 *         cgi .py python3;              # interpreter by name (looked up on PATH) or absolute path
 *         cgi .php php-cgi;
 *         cgi .sh;                      # no interpreter: the script itself is executed
 *         cgi_timeout 30s;
 *         cgi_env APP_MODE demo;
 *     }
 * }
 * }</pre>
 *
 * <p>How the loop stays free although a child process's pipes are not selectable is explained in the
 * {@link dev.solo.cgi} package documentation.
 */
module dev.solo.cgi {
    requires transitive dev.solo.http;
    requires org.slf4j;

    exports dev.solo.cgi;

    // The handler type "cgi": dev.solo.http loads handler types to build each location's chain.
    provides dev.solo.http.spi.HandlerProvider with dev.solo.cgi.CgiHandlerProvider;
    // cgi, cgi_timeout, cgi_max_processes, cgi_queue_size, cgi_queue_timeout, cgi_env: declared so the config is
    // validated before any handler is built.
    provides dev.solo.config.spi.DirectiveProvider with dev.solo.cgi.CgiDirectives;
}
