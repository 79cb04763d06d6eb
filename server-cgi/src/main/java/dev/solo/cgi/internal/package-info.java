/**
 * The CGI machinery, not exported: settings read from the directives ({@link dev.solo.cgi.internal.CgiSettings}),
 * script lookup ({@code ScriptLocator}), the environment ({@code CgiEnvironment}), the output header block
 * ({@code ScriptHeadParser}), the process cap with its queue ({@code ProcessSlots}, {@code SlotClaim}), what ends a
 * script's leftovers ({@code ProcessGroups}) and the per-request {@code ScriptRun} with its process, spool, pipes and
 * timers.
 *
 * <p>Everything runs on the loop thread. The only code that runs elsewhere is the one-line hand-over in the run's
 * {@code process.onExit()} callback, which queues the exit on the loop with {@code EventLoop.execute}. The
 * {@link dev.solo.cgi} package documentation explains why no step waits on the script.
 */
package dev.solo.cgi.internal;
