/**
 * The HTTP/1.1 connection state machine ({@link dev.solo.http.internal.connection.HttpConnection}) and the exchange
 * that routes one request through its handlers ({@link dev.solo.http.internal.connection.HttpExchange}). An
 * exchange's state is two explicit state machines with checked transitions: the request body's
 * ({@link dev.solo.http.internal.connection.RequestBodyState}, read by
 * {@link dev.solo.http.internal.connection.RequestBodyReader}) and the response's
 * ({@link dev.solo.http.internal.connection.ResponseState}, sent by
 * {@link dev.solo.http.internal.connection.ResponseSender} through the connection's output queue or a
 * {@link dev.solo.http.internal.connection.ResponseWriter}). Everything here runs on the loop thread.
 */
package dev.solo.http.internal.connection;
