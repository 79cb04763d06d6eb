package dev.solo.http.internal.upload;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.Handler;
import dev.solo.http.Location;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code upload} handler type: builds an {@link UploadHandler} for every location that says {@code upload on;}
 * (or {@code handler upload;}) itself. Write methods are never inherited: not from the server block (where the site
 * builder refuses {@code upload}), not from an enclosing location, so a location writes only where the
 * configuration says so next to it. It runs before static files (order 60), so it sees POST, PUT and DELETE first
 * and declines the rest.
 */
public final class UploadHandlerProvider implements HandlerProvider {

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public UploadHandlerProvider() {
    }

    @Override
    public String name() {
        return "upload";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Optional<Handler> create(LocationContext location) throws ConfigException {
        Optional<Directive> upload = own(location, UploadDirectives.UPLOAD);
        if (upload.isEmpty() || !upload.get().flagArg(0)) {
            return Optional.empty();
        }
        return Optional.of(build(location, upload.get()));
    }

    @Override
    public Handler createExplicit(LocationContext location) throws ConfigException {
        // "handler upload;" turns uploads on even without "upload on;", but not against an explicit "upload off;".
        Optional<Directive> handler = own(location, "handler");
        if (handler.isEmpty()) {
            throw new ConfigException(new ConfigError(location.block().position(), "this location inherits "
                    + "'handler upload' from its enclosing location, but write methods are not inherited: write "
                    + "'upload on;' or 'handler upload;' in this location, or 'handler static;' to serve it read-only"));
        }
        Optional<Directive> upload = own(location, UploadDirectives.UPLOAD);
        if (upload.isPresent() && !upload.get().flagArg(0)) {
            throw upload.get().error("'handler upload' conflicts with 'upload off'");
        }
        return build(location, upload.orElse(handler.get()));
    }

    private static Optional<Directive> own(LocationContext location, String name) {
        List<Directive> own = location.own(name);
        return own.isEmpty() ? Optional.empty() : Optional.of(own.get(0));
    }

    private static Handler build(LocationContext location, Directive enabling) throws ConfigException {
        Optional<Directive> storeDirective = location.inherited(UploadDirectives.UPLOAD_STORE);
        Optional<UploadTarget.Store> store = Optional.empty();
        if (storeDirective.isPresent()) {
            Path directory = storeDirective.get().resolvePath(0);
            if (!Files.isDirectory(directory)) {
                // Validation checked it already; the directory may have gone since.
                throw storeDirective.get().argError(0, "directory '" + directory + "' does not exist");
            }
            store = Optional.of(UploadTarget.Store.of(location.location(), directory));
            location.writesTo(store.get().directory(), storeDirective.get());
        } else if (location.location().root().isEmpty()) {
            throw enabling.error("uploads need a root, an alias or an upload_store");
        } else {
            location.writesTo(mappedArea(location.location()), enabling);
        }
        return new UploadHandler(store, UploadLimits.DEFAULTS, location.siteExecutables());
    }

    /** The directory the prefix maps to, up to its last slash: every request path of the location lies below it. */
    private static Path mappedArea(Location location) {
        String prefix = location.prefix();
        Optional<Path> area = location.resolve(prefix.substring(0, prefix.lastIndexOf('/') + 1));
        return area.orElseGet(() -> location.root().orElseThrow());
    }
}
