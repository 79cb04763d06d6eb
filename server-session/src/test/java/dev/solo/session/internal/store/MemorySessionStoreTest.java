package dev.solo.session.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import dev.solo.testing.handler.TestLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemorySessionStoreTest {

    private final TestLoop loop = new TestLoop();
    /** The stores' clock is the loop's wall clock; this is where it starts. */
    private final long start = loop.wallTime();
    private final SessionIds ids = SessionIds.create();

    private SessionStore store(int max) {
        SessionSettings settings = SessionSettings.create(b -> b.idleTimeout(Duration.ofMinutes(30))
                .lifetime(Duration.ofHours(2)).maxSessions(max).clock(loop::wallTime));
        SessionStore store = new MemorySessionStoreProvider().create(settings);
        store.attach(loop);
        return store;
    }

    @Test
    void findsACreatedSessionWithItsAttributes() {
        SessionStore store = store(10);
        String id = ids.next();
        SessionData created = store.create(id);
        created.attribute("user", "ada");

        Optional<SessionData> found = find(store, id);

        assertSame(created, found.orElseThrow());
        assertEquals(Optional.of("ada"), found.get().attribute("user"));
        assertEquals(start, created.createdAt());
        assertEquals(1, store.count());
    }

    @Test
    void doesNotFindUnknownIds() {
        SessionStore store = store(10);
        store.create(ids.next());

        assertEquals(Optional.empty(), find(store, ids.next()));
    }

    @Test
    void sessionExpiresAfterTheIdleTimeout() {
        SessionStore store = store(10);
        String id = ids.next();
        store.create(id);

        loop.advance(Duration.ofMinutes(30).minusMillis(1));
        assertTrue(find(store, id).isPresent());

        loop.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), find(store, id));
    }

    @Test
    void touchRestartsTheIdleTimeout() {
        SessionStore store = store(10);
        String id = ids.next();
        SessionData data = store.create(id);

        loop.advance(Duration.ofMinutes(20));
        store.touch(data);
        loop.advance(Duration.ofMinutes(20));

        assertTrue(find(store, id).isPresent());
        assertEquals(start + Duration.ofMinutes(20).toMillis(), data.lastAccessedAt());
    }

    @Test
    void sessionEndsAtItsAbsoluteLifetimeHoweverBusy() {
        SessionStore store = store(10);
        String id = ids.next();
        SessionData data = store.create(id);

        for (int minute = 0; minute < 119; minute++) {
            loop.advance(Duration.ofMinutes(1));
            store.touch(find(store, id).orElseThrow());
        }
        loop.advance(Duration.ofMinutes(1));

        assertEquals(Optional.empty(), find(store, id));
        assertEquals(start, data.createdAt());
    }

    @Test
    void oneTimerRemovesExpiredSessionsWithoutLookups() {
        SessionStore store = store(100);
        for (int i = 0; i < 50; i++) {
            store.create(ids.next());
            loop.advance(Duration.ofMillis(1000));
        }
        assertEquals(50, store.count());

        loop.advance(Duration.ofMinutes(31));

        assertEquals(0, store.count());
        assertEquals(1, loop.timersScheduled());
        assertEquals(-1, loop.nextDeadline());
    }

    @Test
    void timerIsReArmedForTheNextDeadlineAfterAPurge() {
        SessionStore store = store(100);
        store.create(ids.next());
        loop.advance(Duration.ofMinutes(10));
        String later = ids.next();
        store.create(later);

        loop.advance(Duration.ofMinutes(25));

        assertEquals(1, store.count());
        assertTrue(find(store, later).isPresent());
        assertEquals(Duration.ofMinutes(40).toMillis(), loop.nextDeadline());
        assertEquals(1, loop.timersScheduled());
    }

    @Test
    void floodOfTenTimesTheCapKeepsOnlyTheMostRecentSessions() {
        int cap = 1000;
        SessionStore store = store(cap);
        String loyal = ids.next();
        store.create(loyal);
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 10 * cap; i++) {
            String id = ids.next();
            flood.add(id);
            store.create(id);
            if (i % 100 == 0) {
                // A visitor who keeps coming back stays the most recently used.
                store.touch(find(store, loyal).orElseThrow());
            }
            assertTrue(store.count() <= cap);
        }

        assertEquals(cap, store.count());
        assertTrue(find(store, loyal).isPresent());
        assertTrue(store.find(flood.get(flood.size() - 1)).toCompletableFuture().join().isPresent());
        assertFalse(find(store, flood.get(0)).isPresent());
    }

    @Test
    void changeIdKeepsAttributesAndCreationTimeAndRetiresTheOldId() {
        SessionStore store = store(10);
        String oldId = ids.next();
        SessionData data = store.create(oldId);
        data.attribute("visits", "3");
        loop.advance(Duration.ofMillis(5000));

        String newId = ids.next();
        store.changeId(data, newId);

        assertEquals(Optional.empty(), find(store, oldId));
        SessionData moved = find(store, newId).orElseThrow();
        assertEquals(Optional.of("3"), moved.attribute("visits"));
        assertEquals(start, moved.createdAt());
        assertEquals(1, store.count());
    }

    @Test
    void removeEndsTheSession() {
        SessionStore store = store(10);
        String id = ids.next();
        store.create(id);

        store.remove(id);

        assertEquals(Optional.empty(), find(store, id));
        assertEquals(0, store.count());
    }

    @Test
    void worksBeforeALoopIsAttached() {
        SessionSettings settings = SessionSettings.create(b -> b.clock(loop::wallTime));
        SessionStore store = new MemorySessionStoreProvider().create(settings);
        String id = ids.next();
        store.create(id);

        loop.advance(Duration.ofMinutes(31));

        assertEquals(Optional.empty(), find(store, id));
        assertEquals(0, loop.timersScheduled());
    }

    @Test
    void floodOfSessionsNeverReturnedDoesNotEvictEstablishedOnes() {
        int cap = 100;
        SessionStore store = store(cap);
        List<String> established = new ArrayList<>();
        for (int i = 0; i < cap / 2; i++) {
            String id = ids.next();
            store.create(id);
            // The visitor's cookie came back: the session is established.
            assertTrue(find(store, id).isPresent());
            established.add(id);
        }
        String lastFlood = null;
        for (int i = 0; i < 100 * cap; i++) {
            lastFlood = ids.next();
            store.create(lastFlood);
            assertTrue(store.count() <= cap);
        }

        for (String id : established) {
            assertTrue(find(store, id).isPresent(), "an established session survives a flood of anonymous ones");
        }
        assertTrue(find(store, lastFlood).isPresent(), "the newest anonymous session is kept too");
        assertEquals(cap, store.count());
    }

    @Test
    void whenOnlyEstablishedSessionsRemainTheLeastRecentlyUsedIsDropped() {
        SessionStore store = store(3);
        List<String> established = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = ids.next();
            store.create(id);
            find(store, id).orElseThrow();
            established.add(id);
            loop.advance(Duration.ofMillis(10));
        }

        assertEquals(3, store.count());
        assertFalse(find(store, established.get(0)).isPresent());
        assertTrue(find(store, established.get(3)).isPresent());
    }

    @Test
    void changeIdKeepsAnEstablishedSessionEstablished() {
        SessionStore store = store(2);
        String id = ids.next();
        SessionData data = store.create(id);
        find(store, id).orElseThrow();
        String renewed = ids.next();
        store.changeId(data, renewed);

        for (int i = 0; i < 10; i++) {
            store.create(ids.next());
        }

        assertTrue(find(store, renewed).isPresent(), "a log-in on a returning visitor's session is not anonymous");
    }

    /** A lookup in a store that answers at once. */
    private static Optional<SessionData> find(SessionStore store, String id) {
        return store.find(id).toCompletableFuture().join();
    }
}
