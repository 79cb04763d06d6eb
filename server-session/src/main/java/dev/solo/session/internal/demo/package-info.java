/** The {@code session_demo} handler: a visit counter with log-in and log-out, to see sessions at work. */
package dev.solo.session.internal.demo;
