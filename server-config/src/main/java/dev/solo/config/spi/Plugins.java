package dev.solo.config.spi;

import dev.solo.config.ConfigException;
import dev.solo.config.SourcePosition;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How Solo finds every kind of plugin (directives, handler types, session stores, the session and TLS modules), and
 * its one rule for two plugins that claim the same thing: a configuration error that names both, never a silent
 * pick.
 *
 * <pre>{@code
 * SourcePosition where = SourcePosition.ofFile(document.file());   // conflicts are whole-config errors
 * Map<String, HandlerProvider> types =
 *         Plugins.byName("handler type", Plugins.load(HandlerProvider.class), HandlerProvider::name, where);
 * Optional<TlsProvider> tls = Plugins.atMostOne("TLS module", Plugins.load(TlsProvider.class), where);
 * }</pre>
 *
 * <p>A conflict reads {@code solo.conf: two modules provide the handler type "cgi": dev.solo.cgi
 * (dev.solo.cgi.CgiHandlerProvider) and com.example.x (com.example.x.Cgi)}: each plugin is named by its module and
 * class ({@link #origin(Object)}), so the user knows which jar to remove.
 */
public final class Plugins {

    private Plugins() {
    }

    /**
     * Instantiates every provider of a service: from the module layer of the server's modules when they run on the
     * module path, from the class path otherwise (tests, IDEs, class-path embedding).
     *
     * @param service the service type, e.g. {@code HandlerProvider.class}
     * @param <S> the service type
     * @return a new, unmodifiable list ordered by class name, so that what is built and every error message is the
     *         same whatever the order of the module path
     * @throws java.util.ServiceConfigurationError if a provider cannot be found or instantiated
     */
    public static <S> List<S> load(Class<S> service) {
        Module self = Plugins.class.getModule();
        ModuleLayer layer = self.getLayer();
        ServiceLoader<S> loader;
        if (layer != null) {
            // ServiceLoader.load checks that its caller's module (this one) declares `uses` for the type, and this
            // module cannot declare it for types of modules above it (dev.solo.http's HandlerProvider: a cycle). A
            // module may add that to itself at run time, which is what JPMS offers for a loader that serves others.
            // The `uses` lines stay in the module-info of each module that owns an extension point: at start-up,
            // JPMS resolves a plugin module that nothing `requires` only because a module `uses` its service
            // (service binding), and they list the extension points.
            self.addUses(service);
            // The layer rather than ServiceLoader.load(Class), which would also search the class path: that opens
            // every jar's META-INF/services entry through jar: URLs (about 10 ms at each start).
            loader = ServiceLoader.load(layer, service);
        } else {
            loader = ServiceLoader.load(service);
        }
        return loader.stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(p -> p.getClass().getName()))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * Indexes providers by the one name each claims, such as a handler type's {@code name()}: two providers with
     * the same name are a configuration error.
     *
     * @param kind what the names are, for the message: {@code "handler type"}, {@code "session store"}
     * @param providers the providers, e.g. from {@link #load(Class)} plus an embedding program's own
     * @param name the name a provider claims
     * @param where where the error is reported: the configuration file as a whole ({@link SourcePosition#ofFile})
     *              when no directive is to blame
     * @param <S> the service type
     * @return the providers by name, sorted by name, unmodifiable
     * @throws ConfigException naming both providers ({@link #origin(Object)}) of the first name claimed twice
     */
    public static <S> Map<String, S> byName(String kind, List<? extends S> providers,
            Function<? super S, String> name, SourcePosition where) throws ConfigException {
        return byEachName(kind, providers, p -> List.of(name.apply(p)), where);
    }

    /**
     * Indexes providers by every name each claims, such as the directives a {@link DirectiveProvider} declares: a
     * name claimed by two providers is a configuration error.
     *
     * @param kind what the names are, for the message: {@code "directive"}
     * @param providers the providers
     * @param names the names a provider claims
     * @param where where the error is reported (see {@link #byName})
     * @param <S> the service type
     * @return the providers by name, sorted by name, unmodifiable
     * @throws ConfigException naming both providers of the first name claimed twice
     */
    public static <S> Map<String, S> byEachName(String kind, List<? extends S> providers,
            Function<? super S, ? extends Collection<String>> names, SourcePosition where) throws ConfigException {
        Map<String, S> byName = new TreeMap<>();
        for (S provider : providers) {
            for (String name : names.apply(provider)) {
                S first = byName.putIfAbsent(name, provider);
                if (first != null) {
                    throw new ConfigException(where, conflict(kind + " \"" + name + "\"", first, provider));
                }
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * The one provider of a service of which at most one may be installed, such as the TLS module.
     *
     * @param kind what the provider is, for the message: {@code "TLS module"}
     * @param providers the providers found
     * @param where where the error is reported (see {@link #byName})
     * @param <S> the service type
     * @return the provider, or empty when there is none
     * @throws ConfigException naming two of them when there are several
     */
    public static <S> Optional<S> atMostOne(String kind, List<? extends S> providers, SourcePosition where)
            throws ConfigException {
        if (providers.size() > 1) {
            throw new ConfigException(where, conflict(kind, providers.get(0), providers.get(1))
                    + "; at most one may be installed");
        }
        return providers.isEmpty() ? Optional.empty() : Optional.of(providers.get(0));
    }

    /**
     * Names a provider for people: its module and class, e.g. {@code dev.solo.cgi (dev.solo.cgi.CgiHandlerProvider)};
     * on the class path, where there are no modules, the jar or directory it was loaded from instead.
     *
     * @param provider a provider
     * @return where it comes from, and its class
     */
    public static String origin(Object provider) {
        return module(provider.getClass()) + " (" + provider.getClass().getName() + ")";
    }

    private static String conflict(String what, Object first, Object second) {
        String firstModule = module(first.getClass());
        if (firstModule.equals(module(second.getClass()))) {
            return firstModule + " provides the " + what + " twice: " + first.getClass().getName() + " and "
                    + second.getClass().getName();
        }
        return "two modules provide the " + what + ": " + origin(first) + " and " + origin(second);
    }

    private static String module(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            return module.getName();
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location != null && "file".equals(location.getProtocol())) {
            try {
                Path path = Path.of(location.toURI()).getFileName();
                if (path != null) {
                    return "the class path entry " + path;
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // An unusual URL: the class name alone still tells the provider apart.
            }
        }
        return "the class path";
    }
}
