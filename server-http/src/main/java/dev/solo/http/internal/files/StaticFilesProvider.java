package dev.solo.http.internal.files;

import dev.solo.config.ConfigException;
import dev.solo.http.Handler;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import java.util.Optional;

/** The {@code static} handler type: files under root/alias; present in every location that has a root. */
public final class StaticFilesProvider implements HandlerProvider {

    /** Shared by every location: the cache's bounds are the process's, not each location's. */
    private final FileCache files = new FileCache(MimeTypes.load());

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public StaticFilesProvider() {
    }

    @Override
    public String name() {
        return "static";
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public Optional<Handler> create(LocationContext location) throws ConfigException {
        if (location.location().root().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StaticFileHandler(files, Precompressed.create(location, files)));
    }
}
