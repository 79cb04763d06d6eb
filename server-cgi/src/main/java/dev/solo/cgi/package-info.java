/**
 * CGI/1.1 (RFC 3875): the {@code cgi} handler type and its directives.
 *
 * <h2>Directives</h2>
 * <ul>
 *   <li>{@code cgi EXT [INTERPRETER];} in {@code location}, repeatable: requests whose path has a segment ending in
 *       {@code EXT} (e.g. {@code .py}) run that file. The interpreter is an absolute path, a path relative to the
 *       configuration file, or a name looked up on {@code PATH} when the configuration is loaded; without one the
 *       script itself is executed and must be executable.</li>
 *   <li>{@code cgi_timeout DURATION;} (server, location; default 30s): the longest a script may run, from start to
 *       exit. Past it the script and everything it started are killed: 504, or a cut connection when the response
 *       had started.</li>
 *   <li>{@code cgi_max_processes N;} (main, server; default 16): scripts running at once, counted over every location
 *       that takes the setting from the same place. A request beyond it waits for a slot, first come first
 *       served.</li>
 *   <li>{@code cgi_queue_size N;} (main, server, location; default 128, 0 to 100000): requests that may wait for a
 *       slot. A request that finds this many waiting gets 503 with {@code Retry-After: 1}; 0 refuses at once when
 *       all slots are taken.</li>
 *   <li>{@code cgi_queue_timeout DURATION;} (main, server, location; default 30s): the longest a request waits for a
 *       slot; then 503 with {@code Retry-After: 1}.</li>
 *   <li>{@code cgi_env NAME VALUE;} (main, server, location; repeatable): extra environment variables. The
 *       variables of RFC 3875 §4.1 take precedence over them.</li>
 * </ul>
 *
 * <h2>Why the loop never blocks</h2>
 * Solo has one thread, and a child process's pipes are not {@link java.nio.channels.SelectableChannel}s, so the
 * selector cannot tell us when a script has written something. Each step is therefore shaped so that it cannot
 * wait:
 * <ol>
 *   <li><b>Request body.</b> It is spooled to a temporary file as it arrives, and the script starts only when the
 *       body is complete, with that file as its standard input ({@link java.lang.ProcessBuilder.Redirect#from}). No
 *       one has to feed a pipe that the script might not drain: a script that never reads its input cannot stall the
 *       server. The file is unlinked right after the start (the child keeps its descriptor), so nothing is left on
 *       disk whatever happens later. The process slot is claimed only then, so a client dripping its body holds
 *       none; a request that finds every slot taken is parked in a queue (no thread waits) and resumed from the
 *       loop when a slot passes to it, or refused by a loop timer.</li>
 *   <li><b>Standard error</b> is a pipe too, read without waiting on every poll: at most 64 KiB a poll, so a script
 *       that writes more waits on its own pipe, and nothing it writes reaches the server's disk. The first 64 KiB
 *       are logged, line by line and tagged with the script path; the rest is counted and dropped.</li>
 *   <li><b>Standard output</b> is a pipe that the loop polls with a timer: start at 1 ms, back off to 20 ms while
 *       nothing arrives, go back to 1 ms when data comes. Each poll reads at most
 *       {@link java.io.InputStream#available()} bytes, which a pipe reports without waiting, so the read returns at
 *       once. The bytes go to a fixed-size buffer; when the client is slow the buffer fills, polling stops reading,
 *       and the script blocks on its own full pipe. That is backpressure, and it bounds memory.</li>
 *   <li><b>Exit.</b> {@link java.lang.Process#onExit()} completes on a JDK thread, which only hands a task to the
 *       loop with {@link dev.solo.core.EventLoop#execute(Runnable)}. Once the script has exited, everything it wrote
 *       is already in the pipe (or in the JDK's copy of it), so the loop drains it with non-blocking reads until
 *       {@code available()} reports nothing. A blocking read to end-of-file is never attempted: a background
 *       grandchild could hold the pipe open forever. Output written by such orphans after the script exits is not
 *       part of the response.</li>
 *   <li><b>Starting the process</b> ({@code fork}/{@code exec}) and spooling to a local file are the only system
 *       calls that take more than a moment; both are bounded and do not depend on the client or the script.</li>
 *   <li><b>Leftovers.</b> Each script runs under {@code setsid(1)}, leading a process group of its own. Its
 *       descendants are listed before it is killed, and after its exit one pass over {@code /proc} (batched, at
 *       least 50 ms apart) kills whatever is still in its group or holds its output pipes. Only a deliberate
 *       daemon escapes: a double fork with {@code setsid} that also lets go of the script's standard output and
 *       error.</li>
 * </ol>
 *
 * <h2>Responses</h2>
 * The script's header block (RFC 3875 §6) may end its lines in LF or CRLF and must fit in 16 KiB however the pipe
 * splits it; a malformed or missing block, or a script that exits non-zero before its response was sent, gives 502.
 * An error status (4xx, 5xx) with no body gets the server's error page, the {@code error_page} configured for it or
 * the built-in one, as a static error would; the script's other fields are kept. When the script has exited
 * and all its output is in hand the response has a {@code Content-Length}; otherwise it is streamed (chunked).
 * {@code Location: /path} without {@code Status} is a local redirect (§6.2.2), an absolute URL a 302 (§6.2.3). A
 * local redirect to a path the server would refuse from a client ({@code ..} above the root, a bad escape) is 502.
 * A header {@code X-Solo-Session-Set: name=value} sets a session attribute instead of being sent on; the session's
 * attributes reach the script as {@code SOLO_SESSION_<name>}, its id as {@code SOLO_SESSION_ID}.
 */
package dev.solo.cgi;
