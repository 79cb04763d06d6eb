/**
 * What modules implement to declare configuration directives: a
 * {@link dev.solo.config.spi.DirectiveProvider} (the ServiceLoader entry) returning
 * {@link dev.solo.config.spi.DirectiveSpec}s, with {@link dev.solo.config.spi.ArgumentChecks}
 * for common argument types.
 */
package dev.solo.config.spi;
