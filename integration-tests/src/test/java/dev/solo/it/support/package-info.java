/**
 * The shared harness of the integration tests: the real server on loopback, and clients that see only what a user
 * sees (status codes, bytes, headers, closed connections).
 *
 * <ul>
 *   <li>{@link dev.solo.it.support.TestServer} writes a config text (with {@code {name}} placeholders for test
 *       directories), configures, binds and runs a {@code Solo} on its own thread; {@code close()} stops it and checks
 *       that the loop ended.</li>
 *   <li>{@link dev.solo.it.support.RawClient} speaks bytes over a plain or a TLS socket, for everything a
 *       well-behaved client would never send, and reads one response at a time into a
 *       {@link dev.solo.it.support.RawResponse}.</li>
 *   <li>{@link dev.solo.it.support.Http} wraps the JDK {@code HttpClient} for ordinary requests.</li>
 *   <li>{@link dev.solo.it.support.Transport} runs a test class over plain TCP and over TLS: the server's listens
 *       get {@code ssl} and the certificate of {@link dev.solo.it.support.TestTls} (a test CA made once per JVM), and
 *       the clients speak TLS trusting that CA.</li>
 *   <li>{@link dev.solo.it.support.ConfigText} and {@link dev.solo.it.support.SiteFiles} write configs and site
 *       files.</li>
 * </ul>
 *
 * <pre>{@code
 * @TempDir Path site;
 *
 * @Test
 * void servesAFile() throws Exception {
 *     SiteFiles.write(site, "a.txt", "hello");
 *     try (TestServer server = TestServer.start("server { listen 127.0.0.1:0; root {root}; }", Map.of("root", site));
 *          RawClient client = server.connect()) {
 *         RawResponse response = client.send("GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
 *         assertEquals(200, response.status());
 *     }
 * }
 * }</pre>
 *
 * <p>Declare the server first in a try-with-resources, clients after it: clients then close first, and the server's
 * stop does not wait out its grace period for a connection the test left half-open.
 */
package dev.solo.it.support;
