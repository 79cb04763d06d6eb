/**
 * The {@code solo} command: reads a config file, wires the HTTP service onto the event loop with every plugin found
 * on the module path, and runs until SIGINT or SIGTERM. The only module that knows all the others.
 *
 * @provides ch.qos.logback.classic.spi.Configurator the built-in console logging
 * @provides dev.solo.config.spi.DirectiveProvider {@code worker_processes} and {@code pid}
 */
module dev.solo.app {
    requires transitive dev.solo.http;
    requires org.slf4j;
    // Only for the built-in logging setup (dev.solo.app.internal); everything else logs through SLF4J.
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    // sun.misc.Signal, reached by reflection (see dev.solo.app.internal.Signals): SIGHUP reloads.
    requires jdk.unsupported;

    exports dev.solo.app;
    // SLF4J instantiates the provider named by the slf4j.provider property reflectively (see SoloLogbackProvider).
    exports dev.solo.app.internal to org.slf4j;

    // Logback's ServiceLoader finds this before its XML configurator: the default logging without parsing XML.
    provides ch.qos.logback.classic.spi.Configurator
            with dev.solo.app.internal.ConsoleLogConfigurator;
    // worker_processes and pid: read by the launcher, declared like every other directive so validation knows them.
    provides dev.solo.config.spi.DirectiveProvider
            with dev.solo.app.internal.ProcessDirectives;
}
