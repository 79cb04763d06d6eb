/**
 * JMH benchmarks of the HTTP codec (request heads, paths, bodies, response heads) and of the router (virtual hosts
 * and locations). The project runs on the class path, so it reaches the router's internal classes too; the server's
 * own head encoder, package-private, is measured from its package ({@code dev.solo.http.internal.connection} in this
 * project). {@code run.sh} runs them; {@code docs/performance.md} records their figures.
 */
package dev.solo.bench;
