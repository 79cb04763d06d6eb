package dev.solo.config.spi;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;

/**
 * A check that a {@link DirectiveSpec} runs on each occurrence of its directive, after the
 * number of arguments was found right. See {@link ArgumentChecks} for ready-made ones.
 */
@FunctionalInterface
public interface ArgumentCheck {

    /**
     * Checks one directive.
     *
     * @param directive the directive, with an argument count within the spec's bounds
     * @throws ConfigException pointing at the offending argument (see {@link Directive#argError(int, String)})
     */
    void check(Directive directive) throws ConfigException;
}
