package dev.solo.http.internal.upload;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.Handler;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code upload} handler type: builds an {@link UploadHandler} for every location where {@code upload on;} is in
 * effect. It runs before static files (order 60), so it sees POST, PUT and DELETE first and declines the rest.
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
        Optional<Directive> upload = location.inherited(UploadDirectives.UPLOAD);
        if (upload.isEmpty() || !upload.get().flagArg(0)) {
            return Optional.empty();
        }
        return Optional.of(build(location, upload.get()));
    }

    @Override
    public Handler createExplicit(LocationContext location) throws ConfigException {
        // "handler upload;" turns uploads on even without "upload on;", but not against an explicit "upload off;".
        Optional<Directive> upload = location.inherited(UploadDirectives.UPLOAD);
        if (upload.isPresent() && !upload.get().flagArg(0)) {
            throw upload.get().error("'handler upload' conflicts with 'upload off'");
        }
        return build(location, upload.orElse(location.block()));
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
        } else if (location.location().root().isEmpty()) {
            throw enabling.error("uploads need a root, an alias or an upload_store");
        }
        return new UploadHandler(store, UploadLimits.DEFAULTS);
    }
}
