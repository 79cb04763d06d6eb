package dev.solo.cgi.internal;

import dev.solo.http.Exchange;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a script as RFC 3875 §7.2 describes for POSIX systems: {@code INTERPRETER /abs/script} (or the script
 * itself), in the script's directory, with a clean environment, the spooled body (or nothing) as standard input,
 * and standard output and error as pipes; under {@code setsid} when the system has it, so the script leads a
 * process group of its own (see {@link ProcessGroups}).
 */
final class ScriptProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptProcess.class);

    private static final File NO_INPUT = new File("/dev/null");

    private ScriptProcess() {
    }

    /**
     * Forks the script. This is a {@code fork}/{@code exec} on the loop: brief, and bounded by the machine, not by
     * the client or the script.
     *
     * @param exchange the request the script answers
     * @param settings the location's CGI settings
     * @param match the script
     * @param spool the complete request body, or null when there is none
     * @return the running process
     * @throws IOException when the process cannot be started
     */
    static Process start(Exchange exchange, CgiSettings settings, ScriptMatch match, BodySpool spool)
            throws IOException {
        List<String> command = new ArrayList<>(2);
        match.type().interpreterPath().ifPresent(interpreter -> command.add(interpreter.toString()));
        command.add(match.script().toString());
        // §7.2: "the current working directory for the script SHOULD be set to the directory containing the script".
        ProcessBuilder builder = new ProcessBuilder(settings.groups().command(command))
                .directory(match.script().getParent().toFile());
        builder.environment().clear();
        long bodyLength = spool == null ? -1 : spool.size();
        builder.environment().putAll(CgiEnvironment.build(exchange.request(), exchange.location(), match, settings,
                bodyLength, exchange.session(false)));
        builder.redirectInput(spool == null ? Redirect.from(NO_INPUT) : Redirect.from(spool.file().toFile()));
        builder.redirectOutput(Redirect.PIPE);
        // A pipe, drained on every poll: a file would grow with whatever the script writes (StderrLog).
        builder.redirectError(Redirect.PIPE);
        Process process = builder.start();
        try {
            // Standard input comes from a file, so this is the JDK's null stream; close it all the same.
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("cgi {}: closing stdin failed", match.script(), e);
        }
        return process;
    }
}
