package dev.solo.it.features.session;

import static dev.solo.it.features.session.SessionDemoPage.COOKIE;
import static dev.solo.it.features.session.SessionDemoPage.setCookie;
import static dev.solo.it.features.session.SessionDemoPage.visits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.Poll;
import dev.solo.it.support.Http;
import dev.solo.it.support.SiteFiles;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, sessions in Redis, proven on several hosts: Redis on one host, Solo on two others
 * ({@code session_store redis;}), all started by the test. A log-in through host A is greeted on host B; with Redis
 * stopped, pages that need the session answer 503 (logged once) while other pages are served; when Redis is back it
 * is used again without a restart. The hosts are network namespaces where this machine allows them, else loopback
 * addresses (see {@link TestNetwork}); the test prints which.
 */
class SessionsInRedisTest {

    private static final Duration START = Duration.ofSeconds(30);
    private static final int SESSION_MAX = 20;
    private static final String OUTAGE_LINE = "unavailable (";
    private static final String RECOVERY_LINE = "is back after";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a log-in crosses hosts through Redis; Redis down gives 503 on session pages only; it recovers")
    void loginCrossesHostsAndSurvivesAnOutage() throws Exception {
        SiteFiles.write(dir.resolve("site"), "index.html", "<!DOCTYPE html><title>home</title><p>static");
        try (TestNetwork network = TestNetwork.create()) {
            System.out.println("SessionsInRedisTest: hosts are " + network.description());
            try (RedisProcess redis = RedisProcess.startAt(network.prefix(TestNetwork.REDIS),
                    network.address(TestNetwork.REDIS), RedisProcess.freePort(), dir.resolve("redis.log"));
                 SoloHost a = SoloHost.start(network.prefix(TestNetwork.HOST_A),
                         config("a", network.address(TestNetwork.HOST_A), redis.url()));
                 SoloHost b = SoloHost.start(network.prefix(TestNetwork.HOST_B),
                         config("b", network.address(TestNetwork.HOST_B), redis.url()))) {
                String hostA = a.awaitListening(START);
                String hostB = b.awaitListening(START);

                String id = logInThroughAAndGreetOnB(hostA, hostB);
                floodOfAnonymousVisitsKeepsRedisSmallAndTheUserLoggedIn(redis, hostA, hostB, id);
                outageAnswers503OnSessionPagesOnly(redis, a, hostA, id);
                recoveryWithoutRestart(redis, a, hostA, hostB);
            }
        }
    }

    /** @return the logged-in session id */
    private static String logInThroughAAndGreetOnB(String hostA, String hostB) throws Exception {
        HttpResponse<String> first = get(hostA, "/session/", null);
        assertEquals(200, first.statusCode(), first::body);
        assertEquals(1, visits(first));
        String anonymous = cookieOf(first);

        HttpResponse<String> login = Http.send(Http.request(URI.create(hostA + "/session/login"))
                .header("Cookie", COOKIE + "=" + anonymous)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Ada")).build());
        assertEquals(303, login.statusCode(), login::body);
        String loggedIn = cookieOf(login);

        HttpResponse<String> onB = get(hostB, "/session/", loggedIn);
        assertEquals(200, onB.statusCode(), onB::body);
        assertTrue(onB.body().contains("Hello, <strong>Ada</strong>"), () -> "greeted on host B:\n" + onB.body());
        assertEquals(2, visits(onB), "the visit on A and this one, counted in one session");
        assertEquals(3, visits(get(hostA, "/session/", loggedIn)), "what B saved is seen on A");
        assertEquals(1, visits(get(hostB, "/session/", anonymous)), "the id from before the log-in names nothing");
        return loggedIn;
    }

    private static void floodOfAnonymousVisitsKeepsRedisSmallAndTheUserLoggedIn(RedisProcess redis, String hostA,
            String hostB, String id) throws Exception {
        for (int i = 0; i < 10 * SESSION_MAX; i++) {
            assertEquals(1, visits(get(i % 2 == 0 ? hostA : hostB, "/session/", null)));
        }
        // At most session_max fresh sessions per process, plus the established one (deletions are pipelined).
        int most = 2 * SESSION_MAX + 1;
        Poll.until(Duration.ofSeconds(10), () -> dbSize(redis) <= most,
                () -> "at most " + most + " keys in Redis after the flood, not " + dbSizeQuietly(redis));
        HttpResponse<String> page = get(hostB, "/session/", id);
        assertTrue(page.body().contains("Hello, <strong>Ada</strong>"), () -> "still logged in:\n" + page.body());
    }

    private static void outageAnswers503OnSessionPagesOnly(RedisProcess redis, SoloHost a, String hostA, String id)
            throws Exception {
        redis.stop();
        Poll.until(Duration.ofSeconds(10), () -> get(hostA, "/session/", id).statusCode() == 503,
                () -> "503 for the session page once Redis is down");
        for (int i = 0; i < 5; i++) {
            assertEquals(503, get(hostA, "/session/", id).statusCode(), "a page that needs its session");
            assertEquals(503, get(hostA, "/session/", null).statusCode(), "a page that would start a session");
            HttpResponse<String> home = get(hostA, "/index.html", id);
            assertEquals(200, home.statusCode(), "a page that needs no session, with the session cookie");
            assertTrue(home.body().contains("static"));
        }
        Poll.until(Duration.ofSeconds(5), () -> count(a.output(), OUTAGE_LINE) > 0,
                () -> "a log line for the outage:\n" + a.output());
        assertEquals(1, count(a.output(), OUTAGE_LINE), () -> "one log line for the outage:\n" + a.output());
    }

    private static void recoveryWithoutRestart(RedisProcess redis, SoloHost a, String hostA, String hostB)
            throws Exception {
        redis.restart();
        Poll.until(Duration.ofSeconds(15), () -> get(hostA, "/session/", null).statusCode() == 200,
                () -> "the session page served again once Redis is back");
        // The log is read from the process's output by another thread: wait for the line, then count.
        Poll.until(Duration.ofSeconds(5), () -> count(a.output(), RECOVERY_LINE) > 0,
                () -> "a log line for the recovery:\n" + a.output());
        assertEquals(1, count(a.output(), RECOVERY_LINE), () -> "one log line for the recovery:\n" + a.output());
        assertEquals(1, count(a.output(), OUTAGE_LINE), () -> "still one line for the outage:\n" + a.output());
        // Redis came back empty (no persistence): a new session, again shared by both hosts.
        HttpResponse<String> fresh = get(hostA, "/session/", null);
        String id = cookieOf(fresh);
        assertEquals(2, visits(get(hostB, "/session/", id)));
    }

    private Path config(String name, String address, String redisUrl) throws Exception {
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, """
                session_store redis;
                session_redis %s;
                session_redis_connect_timeout 500ms;
                session_redis_command_timeout 1s;
                session_max %d;
                server {
                    listen %s:0;
                    root %s;
                    location /session/ { session_demo on; methods GET POST; }
                }
                """.formatted(redisUrl, SESSION_MAX, address, dir.resolve("site")));
        return file;
    }

    private static HttpResponse<String> get(String host, String path, String sessionId) throws Exception {
        HttpRequest.Builder request = Http.request(URI.create(host + path)).GET();
        if (sessionId != null) {
            // The hosts are different origins to a browser; a balancer in front would make them one.
            request.header("Cookie", COOKIE + "=" + sessionId);
        }
        return Http.send(request.build());
    }

    private static String cookieOf(HttpResponse<String> response) {
        return setCookie(response).map(HttpCookie::getValue)
                .orElseThrow(() -> new AssertionError("a session cookie: " + response.headers().map()));
    }

    private static int dbSize(RedisProcess redis) throws Exception {
        String reply = redis.command("DBSIZE");
        assertTrue(reply.startsWith(":"), reply);
        return Integer.parseInt(reply.substring(1));
    }

    private static String dbSizeQuietly(RedisProcess redis) {
        try {
            return Integer.toString(dbSize(redis));
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static int count(String text, String fragment) {
        int n = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
            n++;
        }
        return n;
    }
}
