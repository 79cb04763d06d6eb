/**
 * The event loop of Solo: one thread, one {@link java.nio.channels.Selector}, every socket.
 *
 * <p>Usage, serving a protocol of your own on port 8080:
 * <pre>{@code
 * Server server = Server.create(b -> b.listen(new InetSocketAddress(8080), transport -> myHandler(transport)));
 * server.start();   // binds every listener or fails with the address that could not be bound
 * server.run();     // turns the loop on the calling thread until shutdown()
 * }</pre>
 *
 * <p>Protocols plug in through {@link dev.solo.core.spi.ConnectionFactory}; the loop itself knows no protocol.
 */
module dev.solo.core {
    // Logging is an implementation detail: no exported type mentions SLF4J, so readers of this module need not read it.
    requires org.slf4j;

    exports dev.solo.core;
    exports dev.solo.core.spi;
}
