/**
 * The HTTP API: {@link dev.solo.http.Request}, {@link dev.solo.http.Response}, {@link dev.solo.http.Exchange} and the
 * {@link dev.solo.http.Handler} contract, with the protocol tables (methods, statuses, header names) they use.
 */
package dev.solo.http;
