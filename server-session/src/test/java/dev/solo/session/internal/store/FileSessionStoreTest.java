package dev.solo.session.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import dev.solo.testing.handler.TestLoop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {

    @TempDir
    Path dir;

    private final TestLoop loop = new TestLoop();
    /** The stores' clock is the loop's wall clock; this is where it starts. */
    private final long start = loop.wallTime();
    private final SessionIds ids = SessionIds.create();

    private SessionStore open(int max) throws ConfigException {
        SessionSettings settings = SessionSettings.create(b -> b.idleTimeout(Duration.ofMinutes(30))
                .lifetime(Duration.ofHours(2)).maxSessions(max).directory(dir).clock(loop::wallTime));
        SessionStore store = new FileSessionStoreProvider().create(settings);
        store.attach(loop);
        return store;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** A session whose client came back with its cookie, so that it has a file. */
    private static SessionData established(SessionStore store, String id) {
        store.create(id);
        return find(store, id).orElseThrow();
    }

    private void establishedIn(SessionStore store) {
        established(store, ids.next());
    }

    private Path fileOf(String id) {
        return dir.resolve(SessionIds.lookupKey(id) + ".session");
    }

    @Test
    void sessionsSurviveARestart() throws Exception {
        SessionStore first = open(10);
        String id = ids.next();
        SessionData data = established(first, id);
        data.attribute("user", "Ada Lovelace & co\nline two");
        data.attribute("visits", "7");
        first.save(data);
        first.close();

        SessionStore second = open(10);

        SessionData found = find(second, id).orElseThrow();
        assertEquals(Optional.of("Ada Lovelace & co\nline two"), found.attribute("user"));
        assertEquals(Optional.of("7"), found.attribute("visits"));
        assertEquals(start, found.createdAt());
        assertEquals(1, second.count());
    }

    @Test
    void namesFilesByDigestSoTheDirectoryDoesNotRevealIds() throws Exception {
        SessionStore store = open(10);
        String id = ids.next();
        established(store, id);

        assertEquals(List.of(SessionIds.lookupKey(id) + ".session"), files());
        assertFalse(files().get(0).contains(id));
    }

    @Test
    void writesAtomicallyLeavingNoTemporaryFiles() throws Exception {
        SessionStore store = open(10);
        String id = ids.next();
        SessionData data = established(store, id);
        for (int i = 0; i < 20; i++) {
            data.attribute("n", Integer.toString(i));
            store.save(data);
        }

        assertEquals(1, files().size());
        byte[] content = Files.readAllBytes(fileOf(id));
        assertArrayEquals(SessionFileFormat.write(data, data.lastAccessedAt()), content);
    }

    @Test
    void removesLeftoverTemporaryFilesAtStart() throws Exception {
        Files.writeString(dir.resolve("abc123.tmp"), "half a sess");

        open(10);

        assertEquals(List.of(), files());
    }

    @Test
    void ignoresACorruptFile() throws Exception {
        SessionStore first = open(10);
        String id = ids.next();
        established(first, id);
        Files.writeString(fileOf(id), "solo-session 1\nid garbage\n");

        SessionStore second = open(10);

        assertEquals(Optional.empty(), find(second, id));
        assertEquals(0, second.count());
    }

    @Test
    void ignoresAFileCorruptedWhileRunning() throws Exception {
        SessionStore store = open(10);
        String id = ids.next();
        established(store, id);
        Files.write(fileOf(id), new byte[0]);

        assertEquals(Optional.empty(), find(store, id));
    }

    @Test
    void ignoresAFileWhoseIdDoesNotMatchItsName() throws Exception {
        SessionStore first = open(10);
        String victim = ids.next();
        String attacker = ids.next();
        established(first, victim);
        established(first, attacker);
        Files.copy(fileOf(attacker), fileOf(victim), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        SessionStore second = open(10);

        assertEquals(Optional.empty(), find(second, victim));
        assertTrue(find(second, attacker).isPresent());
    }

    @Test
    void ignoresForeignFilesInTheDirectory() throws Exception {
        Files.writeString(dir.resolve("README"), "not a session");

        SessionStore store = open(10);

        assertEquals(0, store.count());
        assertTrue(files().contains("README"));
    }

    @Test
    void removesExpiredFilesAtStart() throws Exception {
        SessionStore first = open(10);
        String id = ids.next();
        established(first, id);
        first.close();
        loop.advance(Duration.ofMinutes(31));

        SessionStore second = open(10);

        assertEquals(0, second.count());
        assertEquals(List.of(), files());
    }

    @Test
    void removesAnExpiredFileOnLookup() throws Exception {
        SessionSettings settings = SessionSettings.create(b -> b.idleTimeout(Duration.ofMinutes(30))
                .directory(dir).clock(loop::wallTime));
        SessionStore store = new FileSessionStoreProvider().create(settings);
        String id = ids.next();
        established(store, id);
        assertEquals(1, files().size());
        loop.advance(Duration.ofMinutes(30));

        assertEquals(Optional.empty(), find(store, id));
        assertEquals(List.of(), files());
    }

    @Test
    void expiryTimerDeletesFiles() throws Exception {
        SessionStore store = open(10);
        established(store, ids.next());
        established(store, ids.next());
        assertEquals(2, files().size());

        loop.advance(Duration.ofMinutes(31));

        assertEquals(0, store.count());
        assertEquals(List.of(), files());
    }

    @Test
    void touchKeepsTheSessionAliveAcrossARestart() throws Exception {
        SessionStore first = open(10);
        String id = ids.next();
        SessionData data = first.create(id);
        loop.advance(Duration.ofMinutes(25));
        first.touch(find(first, id).orElseThrow());
        first.close();
        loop.advance(Duration.ofMinutes(25));

        SessionStore second = open(10);

        assertTrue(find(second, id).isPresent());
        assertEquals(start, data.createdAt());
    }

    @Test
    void capEvictsTheLeastRecentlyUsedFiles() throws Exception {
        SessionStore store = open(5);
        String first = ids.next();
        established(store, first);
        for (int i = 0; i < 50; i++) {
            loop.advance(Duration.ofMillis(10));
            established(store, ids.next());
        }

        assertEquals(5, store.count());
        assertEquals(5, files().size());
        assertFalse(Files.exists(fileOf(first)));
    }

    @Test
    void capAppliesToSessionsLoadedAtStartKeepingTheNewest() throws Exception {
        SessionStore big = open(10);
        String oldest = ids.next();
        established(big, oldest);
        String newest = null;
        for (int i = 0; i < 9; i++) {
            loop.advance(Duration.ofMillis(10));
            newest = ids.next();
            established(big, newest);
        }

        SessionStore small = open(3);

        assertEquals(3, small.count());
        assertEquals(3, files().size());
        assertTrue(find(small, newest).isPresent());
        assertEquals(Optional.empty(), find(small, oldest));
    }

    @Test
    void changeIdMovesTheFile() throws Exception {
        SessionStore store = open(10);
        String oldId = ids.next();
        SessionData data = established(store, oldId);
        data.attribute("user", "ada");
        String newId = ids.next();

        store.changeId(data, newId);

        assertFalse(Files.exists(fileOf(oldId)));
        assertEquals(Optional.empty(), find(store, oldId));
        assertEquals(Optional.of("ada"), find(store, newId).orElseThrow().attribute("user"));
        assertEquals(1, files().size());
    }

    @Test
    void removeDeletesTheFile() throws Exception {
        SessionStore store = open(10);
        String id = ids.next();
        established(store, id);

        store.remove(id);

        assertEquals(List.of(), files());
        assertEquals(Optional.empty(), find(store, id));
    }

    @Test
    void saveDoesNotResurrectAnEndedSession() throws Exception {
        SessionStore store = open(10);
        String id = ids.next();
        SessionData data = store.create(id);
        store.remove(id);

        store.save(data);

        assertEquals(List.of(), files());
    }

    @Test
    void createsAMissingDirectory() throws Exception {
        Path nested = dir.resolve("a/b");
        SessionSettings settings = SessionSettings.create(b -> b.directory(nested).clock(loop::wallTime));

        SessionStore store = new FileSessionStoreProvider().create(settings);
        establishedIn(store);

        assertEquals(1, Files.list(nested).count());
    }

    @Test
    void needsADirectory() {
        SessionSettings settings = SessionSettings.create(b -> b.clock(loop::wallTime));

        ConfigException e = assertThrows(ConfigException.class, () -> new FileSessionStoreProvider().create(settings));

        assertTrue(e.getMessage().contains("session_dir"), e.getMessage());
    }

    @Test
    void refusesAFileInPlaceOfTheDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x", StandardCharsets.UTF_8);
        SessionSettings settings = SessionSettings.create(b -> b.directory(file));

        assertThrows(ConfigException.class, () -> new FileSessionStoreProvider().create(settings));
    }

    @Test
    void aFloodOfSessionsNeverReturnedWritesNoFilesAndEvictsNoEstablishedOne() throws Exception {
        SessionStore store = open(20);
        String loyal = ids.next();
        store.create(loyal);
        find(store, loyal).orElseThrow();
        assertEquals(List.of(SessionIds.lookupKey(loyal) + ".session"), files());
        for (int i = 0; i < 1000; i++) {
            SessionData anonymous = store.create(ids.next());
            anonymous.attribute("visits", "1");
            store.save(anonymous);
            store.touch(anonymous);
        }

        assertEquals(List.of(SessionIds.lookupKey(loyal) + ".session"), files(),
                "anonymous sessions cost no file");
        assertTrue(find(store, loyal).isPresent());
        assertEquals(20, store.count());
    }

    @Test
    void aNewSessionIsWrittenWhenItsCookieComesBack() throws Exception {
        SessionStore store = open(10);
        String id = ids.next();
        SessionData data = store.create(id);
        data.attribute("user", "ada");
        store.save(data);
        assertEquals(List.of(), files());

        assertEquals(Optional.of("ada"), find(store, id).orElseThrow().attribute("user"));

        assertEquals(List.of(SessionIds.lookupKey(id) + ".session"), files());
        store.close();
        assertEquals(Optional.of("ada"), find(open(10), id).orElseThrow().attribute("user"));
    }

    /** A lookup in a store that answers at once. */
    private static Optional<SessionData> find(SessionStore store, String id) {
        return store.find(id).toCompletableFuture().join();
    }
}
