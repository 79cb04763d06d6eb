package dev.solo.http.internal.config;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.Method;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.internal.response.PolicyBuilder;
import dev.solo.http.internal.routing.FileMapping;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.VirtualServer;
import dev.solo.http.internal.upload.UploadDirectives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the locations of one server block, nested ones included, and checks them against each other. */
final class LocationBuilder {

    /** Without a {@code methods} directive every method the server implements is let through to the handlers. */
    private static final Set<Method> DEFAULT_METHODS = EnumSet.of(Method.GET, Method.HEAD, Method.POST, Method.PUT,
            Method.DELETE, Method.OPTIONS, Method.PATCH);
    private static final long DEFAULT_MAX_BODY = 1024 * 1024;
    private static final List<String> DEFAULT_INDEX = List.of("index.html");

    private final VirtualServer server;
    private final List<HandlerProvider> providers;
    private final List<ConfigError> errors;
    private final SiteChecks checks;
    private final List<Path> errorPageFiles = new ArrayList<>();
    private final Map<String, Directive> declared = new HashMap<>();
    private final Map<Directive, RouteLocation> errorPageOwners = new LinkedHashMap<>();

    LocationBuilder(VirtualServer server, List<HandlerProvider> providers, List<ConfigError> errors,
            SiteChecks checks) {
        this.server = server;
        this.providers = providers;
        this.errors = errors;
        this.checks = checks;
    }

    /** Adds the server's locations; a server without {@code location /} gets one from its own settings. */
    void addAll(Scope serverScope, String parentPrefix) {
        addChildren(serverScope, parentPrefix);
        if (!declared.containsKey("/")) {
            add(serverScope, "/", false);
        }
    }

    private void addChildren(Scope parent, String parentPrefix) {
        for (Directive location : parent.ownAll("location")) {
            boolean exact = location.argCount() == 2;
            if (exact && !location.arg(0).equals("=")) {
                errors.add(new ConfigError(location.args().get(0).position(),
                        "unknown location modifier '" + location.arg(0) + "' (only '=' is supported)"));
                continue;
            }
            String prefix = location.arg(exact ? 1 : 0);
            if (!prefix.startsWith("/")) {
                errors.add(new ConfigError(location.args().get(exact ? 1 : 0).position(),
                        "a location must start with '/': '" + prefix + "'"));
                continue;
            }
            if (!parentPrefix.isEmpty() && !prefix.startsWith(parentPrefix)) {
                errors.add(new ConfigError(location.position(), "location '" + prefix
                        + "' is outside its enclosing location '" + parentPrefix + "'"));
                continue;
            }
            String key = (exact ? "= " : "") + prefix;
            Directive first = declared.putIfAbsent(key, location);
            if (first != null) {
                errors.add(new ConfigError(location.position(), "duplicate location '" + key
                        + "' (first at line " + first.position().line() + ")"));
                continue;
            }
            Scope scope = parent.child(location);
            add(scope, prefix, exact);
            if (!exact) {
                addChildren(scope, prefix);
            }
        }
    }

    private void add(Scope scope, String prefix, boolean exact) {
        try {
            RouteLocation location = new RouteLocation(new RouteLocation.Settings(prefix, exact, methods(scope),
                    files(scope, prefix), index(scope), flag(scope, "autoindex"), maxBody(scope),
                    errorPages(scope), server.primaryName()));
            LocationScope context = new LocationScope(location, scope, checks);
            location.handlers(SiteBuilder.chain(providers, context, checks));
            location.responsePolicy(PolicyBuilder.build(context));
            Optional<Directive> inline = scope.own(UploadDirectives.UPLOAD_INLINE);
            location.inlineClientFiles(inline.isPresent() && inline.get().flagArg(0));
            server.locations().add(location);
            for (Directive errorPage : scope.inheritedAll("error_page")) {
                errorPageOwners.putIfAbsent(errorPage, location);
            }
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
    }

    /** Every error page must exist as a file the server itself would serve, or the fallback would hide a typo. */
    void checkErrorPages() {
        errorPageOwners.forEach((directive, owner) -> {
            String uri = directive.arg(directive.argCount() - 1);
            RouteLocation target = server.locations().match(uri);
            Optional<Path> file = target == null ? Optional.empty() : target.resolve(uri);
            file.ifPresent(errorPageFiles::add);
            if (file.isEmpty() || !Files.isRegularFile(file.get())) {
                errors.add(new ConfigError(directive.args().get(directive.argCount() - 1).position(),
                        "error page '" + uri + "' does not exist" + file.map(p -> " (looked for " + p + ")")
                                .orElse("")));
            }
        });
    }

    /** @return the files of the server's error pages, once {@link #checkErrorPages()} ran */
    List<Path> errorPageFiles() {
        return errorPageFiles;
    }

    private static Set<Method> methods(Scope scope) throws ConfigException {
        Optional<Directive> directive = scope.inherited("methods");
        if (directive.isEmpty()) {
            return DEFAULT_METHODS;
        }
        Set<Method> methods = EnumSet.noneOf(Method.class);
        Directive d = directive.get();
        for (int i = 0; i < d.argCount(); i++) {
            Method method = Method.lookup(d.arg(i));
            if (method == null || method == Method.CONNECT || method == Method.TRACE) {
                throw d.argError(i, "unknown or unsupported method '" + d.arg(i) + "'");
            }
            methods.add(method);
        }
        if (methods.contains(Method.GET)) {
            methods.add(Method.HEAD);
        }
        return methods;
    }

    private static FileMapping files(Scope scope, String prefix) throws ConfigException {
        Optional<Directive> alias = scope.own("alias");
        try {
            if (alias.isPresent()) {
                return FileMapping.alias(alias.get().resolvePath(0), prefix);
            }
            Optional<Directive> root = scope.inherited("root");
            return root.isPresent() ? FileMapping.root(root.get().resolvePath(0)) : null;
        } catch (IOException e) {
            Directive d = alias.isPresent() ? alias.get() : scope.inherited("root").orElseThrow();
            throw d.argError(0, "cannot use directory: " + e.getMessage());
        }
    }

    private static List<String> index(Scope scope) {
        Optional<Directive> directive = scope.inherited("index");
        if (directive.isEmpty()) {
            return DEFAULT_INDEX;
        }
        List<String> names = new ArrayList<>();
        directive.get().args().forEach(a -> names.add(a.value()));
        return names;
    }

    private static boolean flag(Scope scope, String name) throws ConfigException {
        Optional<Directive> directive = scope.inherited(name);
        return directive.isPresent() && directive.get().flagArg(0);
    }

    private static long maxBody(Scope scope) throws ConfigException {
        Optional<Directive> directive = scope.inherited("client_max_body_size");
        return directive.isPresent() ? directive.get().sizeArg(0) : DEFAULT_MAX_BODY;
    }

    private static Map<Integer, String> errorPages(Scope scope) throws ConfigException {
        Map<Integer, String> pages = new HashMap<>();
        for (Directive d : scope.inheritedAll("error_page")) {
            String uri = d.arg(d.argCount() - 1);
            if (!uri.startsWith("/")) {
                throw d.argError(d.argCount() - 1, "an error page must be a path starting with '/': '" + uri + "'");
            }
            for (int i = 0; i < d.argCount() - 1; i++) {
                int code = StatusCodes.parse(d, i, 400, 599);
                pages.put(code, uri);
            }
        }
        return pages;
    }
}
