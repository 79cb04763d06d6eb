/**
 * {@link dev.solo.testing.TestServer} (a server from {@link dev.solo.app.Solo#builder()} on a free port, on a thread of
 * its own), {@link dev.solo.testing.RawClient} (bytes in, parsed responses out) and
 * {@link dev.solo.testing.ServiceDeclarations} (a module's two service declarations kept in step); and, to unit-test a
 * handler without a server, {@link dev.solo.testing.TestExchange} (an exchange in memory, its request made by the
 * server's codec) with {@link dev.solo.testing.TestLoop} (a loop and clock the test turns),
 * {@link dev.solo.testing.TestResponse} (what the client would read) and {@link dev.solo.testing.TestSession}.
 */
package dev.solo.testing;
