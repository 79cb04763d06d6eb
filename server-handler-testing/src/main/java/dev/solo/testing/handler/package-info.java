/**
 * To unit-test a handler without a server: {@link dev.solo.testing.handler.TestExchange} (an exchange in memory, its
 * request made by the server's codec) with {@link dev.solo.testing.handler.TestLoop} (a loop and clock the test
 * turns), {@link dev.solo.testing.handler.TestResponse} (what the client would read) and
 * {@link dev.solo.testing.handler.TestSession}.
 *
 * <p>A module of its own ({@code dev.solo.testing.handler}, needing only {@code dev.solo.http}) rather than a part of
 * {@code dev.solo.testing}, whose server kit needs {@code dev.solo.app}: that way the tests of the modules below the
 * app (server-session, server-cgi) can use these classes instead of keeping copies of their own.
 */
package dev.solo.testing.handler;
