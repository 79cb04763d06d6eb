package dev.solo.session.internal.store;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import dev.solo.session.spi.SessionStoreProvider;
import java.io.IOException;
import java.nio.file.Path;

/** {@code session_store file;}: one file per session in {@code session_dir}, kept across restarts. */
public final class FileSessionStoreProvider implements SessionStoreProvider {

    /** The name used in {@code session_store}. */
    public static final String NAME = "file";

    /** For {@link java.util.ServiceLoader}. */
    public FileSessionStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SessionStore create(SessionSettings settings) throws ConfigException {
        Path directory = settings.directory().orElseThrow(() -> new ConfigException(settings.position(),
                "'session_store file' needs 'session_dir DIRECTORY;'"));
        try {
            return FileSessionStore.open(directory, settings);
        } catch (IOException e) {
            throw new ConfigException(new ConfigError(settings.position(),
                    "cannot use session directory '" + directory + "': " + e.getMessage()), e);
        }
    }
}
