/**
 * The {@code solo} command: reads a config file, wires the HTTP service onto the event loop with every plugin found
 * on the module path, and runs until SIGINT or SIGTERM. The only module that knows all the others.
 */
module dev.solo.app {
    requires transitive dev.solo.http;
    requires org.slf4j;

    exports dev.solo.app;
}
