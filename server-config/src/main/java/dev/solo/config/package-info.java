/**
 * The Solo configuration language: an nginx-style syntax parsed into an immutable AST
 * ({@link dev.solo.config.ConfigDocument}, {@link dev.solo.config.Directive}) with exact
 * {@link dev.solo.config.SourcePosition}s, and generic validation against the directives that
 * modules declare ({@link dev.solo.config.DirectiveRegistry}).
 *
 * <p>This package knows no directive by name except {@code include}: the meaning of directives
 * belongs to the modules that declare them through {@link dev.solo.config.spi}.
 */
package dev.solo.config;
