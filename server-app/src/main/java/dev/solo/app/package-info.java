/** The launcher: {@link dev.solo.app.Main} for the command line, {@link dev.solo.app.Solo} to embed or test. */
package dev.solo.app;
