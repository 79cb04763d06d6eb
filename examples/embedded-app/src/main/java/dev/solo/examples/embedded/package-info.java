/**
 * An application that embeds Solo rather than running the {@code solo} command: {@link
 * dev.solo.examples.embedded.EmbeddedApp} builds the server in code, with three routes as lambdas ({@code /hello},
 * {@code /echo}, {@code /counter}) and static files for the rest. A project of its own, built against the installed
 * Solo jars as a third party would build it.
 */
package dev.solo.examples.embedded;
