/**
 * The HTTP/1.1 connection state machine ({@link dev.solo.http.internal.connection.HttpConnection}), the exchange
 * that routes one request through its handlers, and the response writer. Everything here runs on the loop thread.
 */
package dev.solo.http.internal.connection;
