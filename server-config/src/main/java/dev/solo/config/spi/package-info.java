/**
 * What modules implement to declare configuration directives: a
 * {@link dev.solo.config.spi.DirectiveProvider} (the ServiceLoader entry) returning
 * {@link dev.solo.config.spi.DirectiveSpec}s, with {@link dev.solo.config.spi.ArgumentChecks}
 * for common argument types; and {@link dev.solo.config.spi.Plugins}, which finds every kind of plugin and reports two
 * plugins that claim the same name as a configuration error.
 */
package dev.solo.config.spi;
