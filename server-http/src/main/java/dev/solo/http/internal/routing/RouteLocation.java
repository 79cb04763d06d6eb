package dev.solo.http.internal.routing;

import dev.solo.http.Handler;
import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.internal.response.ResponsePolicy;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A location with everything resolved at start: inherited settings, file mapping and its handler chain. */
public final class RouteLocation implements Location {

    private final String prefix;
    private final boolean exact;
    private final Set<Method> methods;
    private final FileMapping files;
    private final List<String> indexFiles;
    private final boolean autoindex;
    private final long maxBodySize;
    private final Map<Integer, String> errorPages;
    private final String serverName;
    private List<Handler> handlers = List.of();
    private Set<Method> allowed;
    private String allowHeader;
    private Set<Method> writeMethods = Set.of();
    private boolean inlineClientFiles;
    private ResponsePolicy responsePolicy = ResponsePolicy.NONE;
    private List<String> runs = List.of();

    /**
     * @param settings the resolved settings of the location
     */
    public RouteLocation(Settings settings) {
        this.prefix = settings.prefix();
        this.exact = settings.exact();
        this.methods = Set.copyOf(settings.methods());
        this.files = settings.files();
        this.indexFiles = List.copyOf(settings.indexFiles());
        this.autoindex = settings.autoindex();
        this.maxBodySize = settings.maxBodySize();
        this.errorPages = Map.copyOf(settings.errorPages());
        this.serverName = settings.serverName();
        Set<Method> configured = EnumSet.noneOf(Method.class);
        for (Method method : Method.values()) {
            if (allowsByConfig(method)) {
                configured.add(method);
            }
        }
        allowed(configured);
    }

    /**
     * The settings a location resolves to.
     *
     * @param prefix the prefix or exact path
     * @param exact whether it is an exact match
     * @param methods accepted methods
     * @param files root or alias mapping, or null
     * @param indexFiles index file names
     * @param autoindex whether to list directories
     * @param maxBodySize body limit in bytes
     * @param errorPages status code to page URI
     * @param serverName the server's first name
     */
    public record Settings(String prefix, boolean exact, Set<Method> methods, FileMapping files,
            List<String> indexFiles, boolean autoindex, long maxBodySize, Map<Integer, String> errorPages,
            String serverName) {
    }

    /**
     * Sets the chain, and with it the methods the location answers: a method of {@code methods} that no handler
     * takes would only meet a 405 or 404 further down, so it is left out of {@code Allow} and refused at once. A
     * location without handlers keeps its {@code methods}, since everything there is a 404 anyway.
     *
     * @param chain the handlers, in order; set once while the site is built
     */
    public void handlers(List<Handler> chain) {
        this.handlers = List.copyOf(chain);
        Set<Method> taken = EnumSet.noneOf(Method.class);
        Set<Method> writes = EnumSet.noneOf(Method.class);
        for (Handler handler : handlers) {
            taken.addAll(handler.methods());
            writes.addAll(handler.writeMethods());
        }
        Set<Method> answered = EnumSet.noneOf(Method.class);
        for (Method method : Method.values()) {
            if (allowsByConfig(method) && (handlers.isEmpty() || taken.contains(method))) {
                answered.add(method);
            }
        }
        allowed(answered);
        writes.retainAll(answered);
        this.writeMethods = Set.copyOf(writes);
    }

    private void allowed(Set<Method> answered) {
        Set<Method> all = EnumSet.noneOf(Method.class);
        all.addAll(answered);
        // OPTIONS is always answered (RFC 9110 §9.3.7), by the server itself.
        all.add(Method.OPTIONS);
        this.allowed = Set.copyOf(all);
        StringBuilder header = new StringBuilder();
        for (Method method : Method.values()) {
            if (all.contains(method)) {
                header.append(header.length() == 0 ? "" : ", ").append(method.token());
            }
        }
        this.allowHeader = header.toString();
    }

    /** @param inline true when {@code upload_inline on;} lets client files go out with their own type */
    public void inlineClientFiles(boolean inline) {
        this.inlineClientFiles = inline;
    }

    /** @param extensions the extensions of the files a handler here runs as programs (CGI), for --check */
    public void runs(List<String> extensions) {
        this.runs = List.copyOf(extensions);
    }

    /** @return the extensions of the files a handler here runs as programs; empty when it runs none */
    public List<String> runs() {
        return runs;
    }

    /** @return the {@code Allow} value of OPTIONS and 405 answers: {@link #allowedMethods()} in a fixed order */
    public String allowHeader() {
        return allowHeader;
    }

    /** @return the methods with which a handler here writes files, among those the location answers */
    public Set<Method> writeMethods() {
        return writeMethods;
    }

    @Override
    public Set<Method> allowedMethods() {
        return allowed;
    }

    @Override
    public boolean servesClientFiles() {
        return !writeMethods.isEmpty() && !inlineClientFiles;
    }

    /** @return the handler chain */
    public List<Handler> handlers() {
        return handlers;
    }

    /** @param policy what the location does to its responses (add_header, expires, gzip); set once at start */
    public void responsePolicy(ResponsePolicy policy) {
        this.responsePolicy = policy;
    }

    /** @return what the location does to its responses */
    public ResponsePolicy responsePolicy() {
        return responsePolicy;
    }

    /**
     * @param status a status code
     * @return the URI of the configured error page for it, if any
     */
    public Optional<String> errorPage(int status) {
        return Optional.ofNullable(errorPages.get(status));
    }

    /**
     * @param method a method
     * @return whether the location answers it: configured in {@code methods} (HEAD wherever GET is) and taken by a
     *         handler, or OPTIONS
     */
    public boolean allows(Method method) {
        return allowed.contains(method);
    }

    private boolean allowsByConfig(Method method) {
        return methods.contains(method) || (method == Method.HEAD && methods.contains(Method.GET));
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public boolean exact() {
        return exact;
    }

    @Override
    public Set<Method> methods() {
        return methods;
    }

    @Override
    public Optional<Path> resolve(String path) {
        return files == null ? Optional.empty() : files.resolve(path);
    }

    @Override
    public Optional<Path> root() {
        return files == null ? Optional.empty() : Optional.of(files.directory());
    }

    @Override
    public List<String> indexFiles() {
        return indexFiles;
    }

    @Override
    public boolean autoindex() {
        return autoindex;
    }

    @Override
    public long maxBodySize() {
        return maxBodySize;
    }

    @Override
    public String serverName() {
        return serverName;
    }

    @Override
    public String toString() {
        return "location " + (exact ? "= " : "") + prefix;
    }
}
