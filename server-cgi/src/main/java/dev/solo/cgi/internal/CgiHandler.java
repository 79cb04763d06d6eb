package dev.solo.cgi.internal;

import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.Status;
import java.nio.file.Files;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CGI handler of one location: takes requests whose path names a script by extension, declines the others.
 * Loop thread only; the work of each request is a {@link ScriptRun}.
 */
public final class CgiHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(CgiHandler.class);

    private final CgiSettings settings;

    /** @param settings the location's CGI settings */
    public CgiHandler(CgiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public boolean handle(Exchange exchange) {
        ScriptLocator.Result result = ScriptLocator.locate(exchange.request().path(), exchange.location(), settings);
        switch (result.outcome()) {
            case NOT_CGI:
                return false;
            case NOT_FOUND:
                exchange.sendError(Status.NOT_FOUND);
                return true;
            case DIRECTORY:
                exchange.sendError(Status.FORBIDDEN);
                return true;
            default:
                break;
        }
        ScriptMatch match = result.match();
        if (match.type().interpreter() == null && !Files.isExecutable(match.script())) {
            LOG.error("cgi {}: not executable; make it executable or give '{}' an interpreter", match.script(),
                    match.type().extension());
            exchange.sendError(Status.INTERNAL_SERVER_ERROR);
            return true;
        }
        ProcessSlots slots = settings.slots();
        if (slots.used() >= slots.max() && slots.waiting() >= settings.queue().size()) {
            // Known before the body: refuse now rather than spool a body for a request that cannot wait.
            LOG.warn("cgi {}: refused, {} scripts running and {} requests waiting (cgi_max_processes, "
                    + "cgi_queue_size)", match.script(), slots.used(), slots.waiting());
            exchange.sendError(ScriptResponses.busy());
            return true;
        }
        new ScriptRun(exchange, settings, match).start();
        return true;
    }
}
