/** The launcher's wiring that no other module calls: the built-in logging setup, found by Logback's ServiceLoader. */
package dev.solo.app.internal;
