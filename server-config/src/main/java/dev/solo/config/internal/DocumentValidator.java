package dev.solo.config.internal;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import dev.solo.config.spi.ArgumentCheck;
import dev.solo.config.spi.DirectiveSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a directive tree against specs and collects every error, in document order, so that a
 * user fixes a configuration in one round instead of one error per run.
 */
public final class DocumentValidator {

    private final Map<String, DirectiveSpec> specs;

    /**
     * Creates a validator.
     *
     * @param specs the known directives by name; the map is used as is and must not change
     */
    public DocumentValidator(Map<String, DirectiveSpec> specs) {
        this.specs = specs;
    }

    /**
     * Validates top-level directives and, recursively, their blocks.
     *
     * @param directives the top-level directives
     * @return every error found, empty if the tree is valid
     */
    public List<ConfigError> validate(List<Directive> directives) {
        List<ConfigError> errors = new ArrayList<>();
        validateBlock(directives, DirectiveSpec.MAIN_CONTEXT, errors);
        return errors;
    }

    private void validateBlock(List<Directive> directives, String context, List<ConfigError> errors) {
        Map<String, Directive> firstSeen = new HashMap<>();
        for (Directive directive : directives) {
            DirectiveSpec spec = specs.get(directive.name());
            if (spec == null) {
                errors.add(unknown(directive));
                // The children's context is unknown too: checking them would only add noise.
                continue;
            }
            validateDirective(directive, spec, context, errors);
            Directive first = firstSeen.putIfAbsent(directive.name(), directive);
            if (first != null && !spec.repeatable()) {
                errors.add(new ConfigError(directive.position(), "'" + directive.name()
                        + "' is duplicate in this block (first at " + where(first.position(), directive.position())
                        + ")"));
            }
            if (spec.isBlock() && directive.isBlock()) {
                validateBlock(directive.children(), spec.blockContext(), errors);
            }
        }
    }

    private void validateDirective(Directive directive, DirectiveSpec spec, String context, List<ConfigError> errors) {
        String name = directive.name();
        if (!spec.allowedIn(context)) {
            errors.add(new ConfigError(directive.position(), "'" + name + "' is not allowed in context '" + context
                    + "'; allowed in: " + String.join(", ", spec.contexts())));
        }
        if (spec.isBlock() && !directive.isBlock()) {
            errors.add(new ConfigError(directive.position(), "'" + name + "' must be a block: " + name + " ... { ... }"));
        } else if (!spec.isBlock() && directive.isBlock()) {
            errors.add(new ConfigError(directive.position(), "'" + name + "' is not a block; end it with ';'"));
        }
        int count = directive.argCount();
        if (count < spec.minArgs()) {
            errors.add(new ConfigError(directive.position(), argCountMessage(spec, count)));
        } else if (count > spec.maxArgs()) {
            errors.add(new ConfigError(directive.args().get(spec.maxArgs()).position(), argCountMessage(spec, count)));
        } else {
            for (ArgumentCheck check : spec.checks()) {
                try {
                    check.check(directive);
                } catch (ConfigException e) {
                    errors.addAll(e.errors());
                }
            }
        }
    }

    private ConfigError unknown(Directive directive) {
        Optional<String> suggestion = EditDistance.closest(directive.name(), specs.keySet());
        return new ConfigError(directive.position(), "unknown directive '" + directive.name() + "'"
                + suggestion.map(s -> "; did you mean '" + s + "'?").orElse(""));
    }

    /**
     * Words the expected argument count, such as "'listen' takes 1 to 2 arguments, got 0".
     *
     * @param spec the spec
     * @param count the number of arguments found
     * @return the message
     */
    static String argCountMessage(DirectiveSpec spec, int count) {
        int min = spec.minArgs();
        int max = spec.maxArgs();
        String expected;
        if (min == max) {
            expected = min == 0 ? "no arguments" : arguments(min);
        } else if (max == DirectiveSpec.UNBOUNDED) {
            expected = "at least " + arguments(min);
        } else {
            expected = min + " to " + max + " arguments";
        }
        return "'" + spec.name() + "' takes " + expected + ", got " + count;
    }

    private static String arguments(int n) {
        return n + (n == 1 ? " argument" : " arguments");
    }

    /** Says where an earlier directive was: the line alone if in the same file. */
    private static String where(SourcePosition first, SourcePosition current) {
        return first.file().equals(current.file()) ? "line " + first.line() : first.toString();
    }
}
