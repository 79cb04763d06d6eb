package dev.solo.session.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.core.EventLoop;
import dev.solo.core.Server;
import dev.solo.core.spi.ConnectionHandler;
import dev.solo.session.internal.redis.RedisAddress;
import dev.solo.session.internal.redis.RedisClient;
import dev.solo.session.internal.redis.RedisServerProcess;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis store against a real {@code redis-server} started by the test, on a real loop: which keys a session has
 * when, their TTL, the flood rule, and that saving never brings back an ended session.
 */
class RedisSessionStoreTest {

    private static final int MAX = 5;

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final SessionIds ids = SessionIds.create();
    private RedisServerProcess redisProcess;
    private Server server;
    private Thread loopThread;
    private RedisClient redis;
    private RedisSessionStore store;

    @BeforeEach
    void start() throws Exception {
        redisProcess = RedisServerProcess.start();
        server = Server.create(b -> b.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                transport -> new Idle()));
        server.start();
        loopThread = new Thread(server::run, "redis-store-test-loop");
        loopThread.start();
        redis = new RedisClient(RedisAddress.parse(redisProcess.url()), redisProcess.address(),
                new RedisClient.Settings(1000, 1000, 1000, 1 << 20));
        store = new RedisSessionStore(redis, SessionSettings.create(b -> b.idleTimeout(Duration.ofMinutes(30))
                .lifetime(Duration.ofHours(2)).maxSessions(MAX).clock(clock::get)));
        EventLoop loop = server.loop();
        onLoop(() -> {
            store.attach(loop);
            return null;
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            onLoop(() -> {
                store.close();
                return null;
            });
            server.shutdown(Duration.ofMillis(100));
            loopThread.join(5_000);
        }
        if (redisProcess != null) {
            redisProcess.close();
        }
    }

    /** Accepted connections of the loop's one (unused) listener. */
    private static final class Idle implements ConnectionHandler {
        @Override
        public void onReadable() {
        }

        @Override
        public void onWritable() {
        }

        @Override
        public void onClosed() {
        }

        @Override
        public void onShutdown() {
        }
    }

    private <T> T onLoop(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        server.loop().execute(() -> result.complete(work.get()));
        return result.get(5, TimeUnit.SECONDS);
    }

    /** Sends a command after whatever the store sent before: Redis answers in order, so it also waits for those. */
    private Object command(String... args) throws Exception {
        return onLoop(() -> redis.send(args)).get(5, TimeUnit.SECONDS);
    }

    private List<String> keys(String pattern) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Object key : (List<?>) command("KEYS", pattern)) {
            keys.add(new String((byte[]) key, java.nio.charset.StandardCharsets.UTF_8));
        }
        return keys;
    }

    private Optional<SessionData> find(String id) throws Exception {
        return onLoop(() -> store.find(id)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aNewSessionIsFreshUntilItsCookieComesBackThenEstablishedWithTheIdleTimeoutAsTtl() throws Exception {
        String id = ids.next();
        onLoop(() -> {
            SessionData data = store.create(id);
            data.attribute("user", "ada");
            store.save(data);
            return null;
        });
        String key = SessionIds.lookupKey(id);
        assertEquals(List.of("solo:fresh:" + key), keys("solo:*"));

        assertEquals(Optional.of("ada"), find(id).orElseThrow().attribute("user"));

        assertEquals(List.of("solo:session:" + key), keys("solo:*"));
        long ttl = (Long) command("PTTL", "solo:session:" + key);
        assertTrue(ttl > Duration.ofMinutes(29).toMillis() && ttl <= Duration.ofMinutes(30).toMillis(), "TTL " + ttl);
        assertTrue(keys("*" + id + "*").isEmpty(), "no key names the id itself");
    }

    @Test
    void aFloodKeepsAtMostSessionMaxFreshKeysAndNoEstablishedSessionIsTouched() throws Exception {
        String loyal = ids.next();
        onLoop(() -> store.create(loyal));
        find(loyal).orElseThrow();

        onLoop(() -> {
            for (int i = 0; i < 20 * MAX; i++) {
                store.create(ids.next());
            }
            return null;
        });

        assertEquals(MAX, keys("solo:fresh:*").size());
        assertEquals(List.of("solo:session:" + SessionIds.lookupKey(loyal)), keys("solo:session:*"));
        assertTrue(find(loyal).isPresent());
    }

    @Test
    void savingNeverBringsBackAnEndedSession() throws Exception {
        String id = ids.next();
        onLoop(() -> store.create(id));
        SessionData data = find(id).orElseThrow();

        onLoop(() -> {
            store.remove(id);
            data.attribute("late", "write");
            store.save(data);
            return null;
        });

        assertEquals(List.of(), keys("solo:*"));
        assertEquals(Optional.empty(), find(id));
    }

    @Test
    void changeIdRetiresTheOldIdAndKeepsTheAttributes() throws Exception {
        String oldId = ids.next();
        onLoop(() -> store.create(oldId));
        SessionData data = find(oldId).orElseThrow();
        data.attribute("visits", "3");
        String newId = ids.next();

        onLoop(() -> {
            store.changeId(data, newId);
            return null;
        });

        assertEquals(Optional.empty(), find(oldId));
        assertEquals(Optional.of("3"), find(newId).orElseThrow().attribute("visits"));
    }

    @Test
    void aSessionPastItsAbsoluteLifetimeIsGoneThoughRecentlyUsed() throws Exception {
        String id = ids.next();
        onLoop(() -> store.create(id));
        find(id).orElseThrow();

        clock.addAndGet(Duration.ofHours(2).toMillis());

        assertEquals(Optional.empty(), find(id));
    }
}
