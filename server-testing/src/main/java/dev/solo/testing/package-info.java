/**
 * {@link dev.solo.testing.TestServer} (a server from {@link dev.solo.app.Solo#builder()} on a free port, on a thread of
 * its own), {@link dev.solo.testing.RawClient} (bytes in, parsed responses out) and
 * {@link dev.solo.testing.ServiceDeclarations} (a module's two service declarations kept in step). To unit-test a
 * handler without a server, use {@link dev.solo.testing.handler.TestExchange} from {@code dev.solo.testing.handler},
 * which this module requires transitively.
 */
package dev.solo.testing;
