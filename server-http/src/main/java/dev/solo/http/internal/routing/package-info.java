/**
 * The run-time form of the config: addresses with their virtual hosts ({@link dev.solo.http.internal.routing.HostTable}),
 * servers with their locations ({@link dev.solo.http.internal.routing.LocationTable}), and the root/alias file mapping
 * that keeps every path inside its directory.
 */
package dev.solo.http.internal.routing;
