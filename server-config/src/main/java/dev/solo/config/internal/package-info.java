/**
 * Implementation of the configuration language: lexer, parser, include expansion, validation
 * and edit distance. Not exported; nothing here is API.
 */
package dev.solo.config.internal;
