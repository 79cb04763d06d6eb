package dev.solo.config;

import dev.solo.config.internal.BuiltinDirectives;
import dev.solo.config.internal.DocumentValidator;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveProviders;
import dev.solo.config.spi.DirectiveSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * All directives known to the running server, gathered from the {@link DirectiveProvider}s, and
 * the generic validation of a {@link ConfigDocument} against them.
 *
 * <p>Immutable and thread-safe once built. The built-in {@code include} is always known.
 *
 * <pre>{@code
 * DirectiveRegistry registry = DirectiveRegistry.of(DirectiveProviders.load());
 * registry.validate(ConfigParser.parse(Path.of("solo.conf")));   // all errors at once
 * }</pre>
 */
public final class DirectiveRegistry {

    private final Map<String, DirectiveSpec> specs;
    private final List<String> knownNames;
    private final DocumentValidator validator;

    private DirectiveRegistry(Map<String, DirectiveSpec> specs) {
        this.specs = Map.copyOf(specs);
        this.knownNames = specs.keySet().stream().sorted().collect(Collectors.toUnmodifiableList());
        this.validator = new DocumentValidator(this.specs);
    }

    /**
     * Builds a registry from providers, plus the built-in {@code include}.
     *
     * @param providers the providers, for example {@link DirectiveProviders#load()} or a fixed list in tests
     * @return the registry
     * @throws IllegalStateException if two specs share a name; the message names both providers
     */
    public static DirectiveRegistry of(List<? extends DirectiveProvider> providers) {
        List<DirectiveProvider> all = new ArrayList<>();
        all.add(new BuiltinDirectives());
        all.addAll(providers);
        Map<String, DirectiveSpec> specs = new HashMap<>();
        Map<String, String> declaredBy = new HashMap<>();
        for (DirectiveProvider provider : all) {
            for (DirectiveSpec spec : Objects.requireNonNull(provider.directives(), provider.name())) {
                String previous = declaredBy.putIfAbsent(spec.name(), provider.name());
                if (previous != null) {
                    throw new IllegalStateException("directive '" + spec.name() + "' is declared by both "
                            + previous + " and " + provider.name());
                }
                specs.put(spec.name(), spec);
            }
        }
        return new DirectiveRegistry(specs);
    }

    /**
     * Builds a registry from the providers found by {@link DirectiveProviders#load()}.
     *
     * @return the registry
     * @throws IllegalStateException if two specs share a name
     */
    public static DirectiveRegistry load() {
        return of(DirectiveProviders.load());
    }

    /**
     * Checks a document: unknown directives (with a "did you mean" hint), directives in the wrong
     * context, block versus simple form, argument counts, repeats of non-repeatable directives, and
     * each spec's argument checks.
     *
     * @param document the parsed document
     * @throws ConfigException holding every error found, in document order
     */
    public void validate(ConfigDocument document) throws ConfigException {
        List<ConfigError> errors = validator.validate(document.directives());
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    /**
     * The names of all known directives, including {@code include}.
     *
     * @return an unmodifiable, sorted list
     */
    public List<String> knownNames() {
        return knownNames;
    }

    /**
     * The spec of a directive.
     *
     * @param name the directive name
     * @return the spec, or empty if unknown
     */
    public Optional<DirectiveSpec> spec(String name) {
        return Optional.ofNullable(specs.get(name));
    }
}
