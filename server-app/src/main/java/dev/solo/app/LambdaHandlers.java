package dev.solo.app;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import dev.solo.http.Handler;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import java.util.List;
import java.util.Optional;

/**
 * The code handlers of one built server as a handler type of its own, {@code lambda}: the builder writes
 * {@code lambda_handler N;} into a location, and this type builds the handler from the N-th lambda, exactly as
 * {@code static} or {@code cgi} build theirs from their directives. So code handlers go through the same site
 * building, ordering and checks as plugin handlers: one model, not two.
 */
final class LambdaHandlers implements HandlerProvider {

    /** The directive the builder writes into locations with a code handler. */
    static final String DIRECTIVE = "lambda_handler";

    /** The directive's declaration: added to the registry of a built server only, never to config files. */
    static final DirectiveProvider DIRECTIVES = new DirectiveProvider() {
        @Override
        public List<DirectiveSpec> directives() {
            return List.of(DirectiveSpec.create(DIRECTIVE, b -> b.contexts("location").args(1)));
        }

        @Override
        public String name() {
            return "Solo.builder()";
        }
    };

    private final List<ExchangeHandler> lambdas;

    LambdaHandlers(List<ExchangeHandler> lambdas) {
        this.lambdas = List.copyOf(lambdas);
    }

    @Override
    public String name() {
        return "lambda";
    }

    /** After {@code return} (10), before CGI (50), uploads (60) and static files (1000). */
    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Handler> create(LocationContext location) throws ConfigException {
        List<Directive> own = location.own(DIRECTIVE);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        if (own.size() > 1) {
            throw own.get(1).error("a location has one code handler; this one replaces the first");
        }
        ExchangeHandler lambda = lambdas.get(own.get(0).intArg(0));
        return Optional.of(exchange -> {
            lambda.handle(exchange);
            return true;
        });
    }
}
