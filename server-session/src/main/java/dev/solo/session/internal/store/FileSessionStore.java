package dev.solo.session.internal.store;

import dev.solo.core.EventLoop;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in files, one per session, so they survive a restart.
 *
 * <p>A session lives in {@code DIR/<lookup key>.session} ({@link SessionIds#lookupKey}: a digest, so file names
 * neither reveal ids nor can be steered by a client; the id is checked for syntax before it is hashed). Files are
 * written to a temporary file in the same directory and renamed over the old one with {@code ATOMIC_MOVE}, so a reader
 * or a crash never sees half a file; temporary files are created owner-only ({@code rw-------}) by
 * {@link Files#createTempFile}. There is no fsync: after a power loss a file may be empty, and empty or otherwise
 * corrupt files are ignored (logged, left in place for inspection, never trusted).
 *
 * <p>An index in memory ({@link LruIndex}) holds each session's times, loaded at start from the files, so the cap,
 * the least-recently-used eviction and the expiry timer work as in the memory store, and expired files are removed at
 * start, on lookup and by the timer. To spare a write per request, a touch rewrites the file only when the recorded
 * access time lags by more than {@link #touchWriteInterval}; after a restart a session may thus end up to that much
 * early.
 *
 * <p>A new session gets no file until its client comes back with the cookie ({@link LruIndex}'s fresh tier): until
 * then its {@link SessionData} is held in memory, and it is the first to go when the cap is passed. A flood of
 * cookieless requests to a session page thus writes nothing to disk and evicts no session a visitor returned with
 * (issue 15, item 5); the price is that a session started just before a restart and never used again is lost. At
 * most {@link SessionSettings#maxSessions()} sessions are held in memory this way, as in the memory store.
 *
 * <p>Give every server block its own directory: two stores sharing one would evict each other's files.
 */
final class FileSessionStore implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSessionStore.class);
    private static final String SUFFIX = ".session";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Larger than any valid file: attributes are capped at 64 Ki characters, at most 9 bytes each when encoded. */
    private static final long MAX_FILE_BYTES = 1 << 20;

    /** What the index keeps of a session. */
    private static final class Entry {
        final long createdAt;
        long lastAccessedAt;
        long persistedAccessAt;
        /** The whole session while it has no file (its client never came back), else null. */
        SessionData unwritten;

        Entry(long createdAt, long lastAccessedAt) {
            this.createdAt = createdAt;
            this.lastAccessedAt = lastAccessedAt;
            this.persistedAccessAt = lastAccessedAt;
        }
    }

    private final Path directory;
    private final SessionSettings settings;
    private final LongSupplier clock;
    private final long touchWriteInterval;
    private final LruIndex<Entry> index;
    private final ExpiryTimer expiry;

    private FileSessionStore(Path directory, SessionSettings settings) {
        this.directory = directory;
        this.settings = settings;
        this.clock = settings.clock();
        this.touchWriteInterval = Math.min(60_000, settings.idleTimeout().toMillis() / 10);
        this.index = new LruIndex<>(settings.maxSessions(), this::dropped);
        this.expiry = new ExpiryTimer(clock, this::purge);
    }

    /**
     * Opens a directory of sessions, creating it (owner-only where the file system knows POSIX permissions) when
     * missing, and loads the live sessions into the index.
     *
     * @param directory the directory
     * @param settings limits and clock
     * @return the store
     * @throws IOException when the directory cannot be created or read
     */
    static FileSessionStore open(Path directory, SessionSettings settings) throws IOException {
        if (!Files.isDirectory(directory)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }
        if (!Files.isWritable(directory)) {
            throw new IOException("directory " + directory + " is not writable");
        }
        FileSessionStore store = new FileSessionStore(directory, settings);
        store.load();
        return store;
    }

    private void load() throws IOException {
        long now = clock.getAsLong();
        List<SessionData> live = new ArrayList<>();
        int expired = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    // Left behind by a crash between write and rename.
                    Files.deleteIfExists(file);
                    continue;
                }
                String key = keyOf(name);
                if (key == null) {
                    continue;
                }
                SessionData data = read(file, key);
                if (data == null) {
                    continue;
                }
                if (settings.isExpired(data, now)) {
                    Files.deleteIfExists(file);
                    expired++;
                } else {
                    live.add(data);
                }
            }
        }
        // Oldest first, so the index's least-recently-used order matches the access times.
        live.sort(Comparator.comparingLong(SessionData::lastAccessedAt));
        for (SessionData data : live) {
            index.put(SessionIds.lookupKey(data.id()), new Entry(data.createdAt(), data.lastAccessedAt()), true);
        }
        LOG.info("Session directory {}: {} sessions loaded, {} expired removed", directory, index.size(), expired);
    }

    @Override
    public void attach(EventLoop loop) {
        expiry.attach(loop);
    }

    @Override
    public SessionData create(String id) {
        long now = clock.getAsLong();
        SessionData data = new SessionData(id, now, now);
        Entry entry = new Entry(now, now);
        entry.unwritten = data;
        index.put(SessionIds.lookupKey(id), entry, false);
        expiry.sessionAdded(settings.deadline(data));
        return data;
    }

    @Override
    public CompletionStage<Optional<SessionData>> find(String id) {
        return CompletableFuture.completedFuture(lookup(id));
    }

    private Optional<SessionData> lookup(String id) {
        String key = SessionIds.lookupKey(id);
        Entry entry = index.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.getAsLong() >= settings.deadline(entry.createdAt, entry.lastAccessedAt)) {
            index.remove(key);
            dropped(key, entry);
            return Optional.empty();
        }
        if (entry.unwritten != null) {
            return establish(key, entry, id);
        }
        SessionData data = read(fileOf(key), key);
        if (data == null || !SessionIds.sameId(data.id(), id)) {
            index.remove(key);
            return Optional.empty();
        }
        // The index knows of touches the file may not have recorded yet.
        data.lastAccessedAt(Math.max(data.lastAccessedAt(), entry.lastAccessedAt));
        return Optional.of(data);
    }

    /** The client came back with a session that has no file yet: it is worth one now. */
    private Optional<SessionData> establish(String key, Entry entry, String id) {
        SessionData data = entry.unwritten;
        if (!SessionIds.sameId(data.id(), id)) {
            return Optional.empty();
        }
        data.lastAccessedAt(Math.max(data.lastAccessedAt(), entry.lastAccessedAt));
        write(key, data);
        entry.unwritten = null;
        entry.persistedAccessAt = data.lastAccessedAt();
        index.promote(key);
        return Optional.of(data);
    }

    @Override
    public void touch(SessionData session) {
        long now = clock.getAsLong();
        session.lastAccessedAt(now);
        String key = SessionIds.lookupKey(session.id());
        Entry entry = index.get(key);
        if (entry == null) {
            return;
        }
        entry.lastAccessedAt = now;
        if (entry.unwritten == null && now - entry.persistedAccessAt >= touchWriteInterval) {
            write(key, session);
            entry.persistedAccessAt = now;
        }
    }

    @Override
    public void save(SessionData session) {
        String key = SessionIds.lookupKey(session.id());
        Entry entry = index.get(key);
        // A session that expired or was evicted meanwhile stays ended: saving must not bring it back.
        if (entry != null && entry.unwritten != null) {
            // Kept in memory until its client comes back; this object is the one kept or replaces it.
            entry.unwritten = session;
        } else if (entry != null) {
            write(key, session);
            entry.persistedAccessAt = session.lastAccessedAt();
        }
    }

    @Override
    public void changeId(SessionData session, String newId) {
        String oldKey = SessionIds.lookupKey(session.id());
        Entry entry = index.remove(oldKey);
        if (entry != null && entry.unwritten != null) {
            // No file to move: the session stays in memory, still waiting for its client to come back.
            session.id(newId);
            entry.unwritten = session;
            index.put(SessionIds.lookupKey(newId), entry, false);
            return;
        }
        // Delete before writing: after a crash in between, the visitor loses the session rather than the old id
        // staying valid, which is what renewing the id is for.
        delete(oldKey);
        session.id(newId);
        if (entry != null) {
            String newKey = SessionIds.lookupKey(newId);
            write(newKey, session);
            entry.persistedAccessAt = session.lastAccessedAt();
            index.put(newKey, entry, true);
        }
    }

    @Override
    public void remove(String id) {
        String key = SessionIds.lookupKey(id);
        Entry entry = index.remove(key);
        if (entry == null || entry.unwritten == null) {
            delete(key);
        }
    }

    @Override
    public int count() {
        return index.size();
    }

    @Override
    public void close() {
        expiry.cancel();
    }

    private long purge(long now) {
        return index.purge(now, entry -> settings.deadline(entry.createdAt, entry.lastAccessedAt), this::dropped);
    }

    /** A session left the index (evicted or expired): its file goes too, and one never written costs no system call. */
    private void dropped(String key, Entry entry) {
        if (entry.unwritten == null) {
            delete(key);
        }
    }

    private Path fileOf(String key) {
        return directory.resolve(key + SUFFIX);
    }

    /** @return the lookup key a file name stands for, or null for files that are not ours */
    private static String keyOf(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() != SessionIds.KEY_LENGTH + SUFFIX.length()) {
            return null;
        }
        String key = fileName.substring(0, SessionIds.KEY_LENGTH);
        return key.chars().allMatch(FileSessionStore::isBase64Url) ? key : null;
    }

    private static boolean isBase64Url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** @return the session in the file, or null when it is missing, unreadable or corrupt */
    private SessionData read(Path file, String key) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                LOG.warn("Ignoring session file {}: larger than {} bytes", file, MAX_FILE_BYTES);
                return null;
            }
            SessionData data = SessionFileFormat.read(Files.readAllBytes(file));
            if (!SessionIds.lookupKey(data.id()).equals(key)) {
                LOG.warn("Ignoring session file {}: its id does not match its name", file);
                return null;
            }
            return data;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("Ignoring session file {}: {}", file, e.toString());
            return null;
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring corrupt session file {}: {}", file, e.getMessage());
            return null;
        }
    }

    private void write(String key, SessionData data) {
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, key, TEMP_SUFFIX);
            Files.write(temp, SessionFileFormat.write(data, data.lastAccessedAt()));
            Files.move(temp, fileOf(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (temp != null) {
                deleteQuietly(temp);
            }
            throw new UncheckedIOException("cannot write session file in " + directory, e);
        }
    }

    private void delete(String key) {
        deleteQuietly(fileOf(key));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete session file {}: {}", file, e.toString());
        }
    }
}
