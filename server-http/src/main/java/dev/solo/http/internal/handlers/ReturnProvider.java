package dev.solo.http.internal.handlers;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.Handler;
import dev.solo.http.Status;
import dev.solo.http.internal.config.StatusCodes;
import dev.solo.http.internal.response.ValueTemplate;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import java.util.Optional;

/**
 * The {@code return} handler type; first in every chain, so a {@code return} wins over files and scripts. Its URL or
 * text may hold variables ({@code return 301 https://$host$request_uri;}), see {@link ValueTemplate}.
 */
public final class ReturnProvider implements HandlerProvider {

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public ReturnProvider() {
    }

    @Override
    public String name() {
        return "return";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Handler> create(LocationContext location) throws ConfigException {
        Optional<Directive> found = location.inherited("return");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Directive directive = found.get();
        int code = StatusCodes.parse(directive, 0, 200, 599);
        ValueTemplate argument = directive.argCount() > 1 ? ValueTemplate.parse(directive, 1) : null;
        if (ReturnHandler.isRedirect(code) && argument == null) {
            throw directive.error("return " + code + " needs a URL to redirect to");
        }
        return Optional.of(new ReturnHandler(Status.of(code), argument));
    }
}
