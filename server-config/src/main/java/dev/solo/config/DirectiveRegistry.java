package dev.solo.config;

import dev.solo.config.internal.BuiltinDirectives;
import dev.solo.config.internal.DocumentValidator;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import dev.solo.config.spi.Plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 * DirectiveRegistry registry = DirectiveRegistry.load();
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
     * Builds a registry from a fixed list of providers (tests, a program that embeds the language), plus the built-in
     * {@code include}.
     *
     * @param providers the providers, for example a fixed list in tests
     * @return the registry
     * @throws IllegalStateException if two providers declare the same directive: with a fixed list that is a mistake
     *         in the program; the message names both providers as {@link #of(List, SourcePosition)} does
     */
    public static DirectiveRegistry of(List<? extends DirectiveProvider> providers) {
        try {
            // The position is never shown: only the message is kept.
            return of(providers, SourcePosition.ofFile(Path.of("")));
        } catch (ConfigException e) {
            throw new IllegalStateException(e.errors().get(0).message(), e);
        }
    }

    /**
     * Builds a registry from the installed providers, plus the built-in {@code include}. Two providers that declare
     * the same directive are a configuration error (see {@link Plugins}).
     *
     * @param providers the providers, for example {@link Plugins#load(Class) Plugins.load(DirectiveProvider.class)}
     * @param where where a conflict is reported, usually the configuration file as a whole
     *              ({@link SourcePosition#ofFile})
     * @return the registry
     * @throws ConfigException if two providers declare the same directive, naming both with their modules
     */
    public static DirectiveRegistry of(List<? extends DirectiveProvider> providers, SourcePosition where)
            throws ConfigException {
        List<DirectiveProvider> all = new ArrayList<>();
        all.add(new BuiltinDirectives());
        all.addAll(providers);
        Map<DirectiveProvider, List<DirectiveSpec>> declared = new IdentityHashMap<>();
        for (DirectiveProvider provider : all) {
            declared.put(provider, List.copyOf(Objects.requireNonNull(provider.directives(), provider.name())));
        }
        Plugins.byEachName("directive", all, p -> declared.get(p).stream().map(DirectiveSpec::name).toList(), where);
        Map<String, DirectiveSpec> specs = new HashMap<>();
        for (List<DirectiveSpec> list : declared.values()) {
            for (DirectiveSpec spec : list) {
                specs.put(spec.name(), spec);
            }
        }
        return new DirectiveRegistry(specs);
    }

    /**
     * Builds a registry from the providers found by {@link Plugins#load(Class)}.
     *
     * @return the registry
     * @throws IllegalStateException if two providers declare the same directive
     */
    public static DirectiveRegistry load() {
        return of(Plugins.load(DirectiveProvider.class));
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
