package dev.solo.examples.embedded;

import dev.solo.app.Solo;
import dev.solo.config.ConfigException;
import dev.solo.core.BindFailure;
import dev.solo.http.Method;
import dev.solo.http.Status;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Java program with Solo inside: the server is written in code, three routes are lambdas, the rest is static files.
 *
 * <p>{@code java -cp ... dev.solo.examples.embedded.EmbeddedApp PORT [PUBLIC_DIR]} serves on {@code 127.0.0.1:PORT}:
 * <ul>
 *   <li>{@code GET /hello?name=Ada} answers {@code Hello, Ada!} ({@code Hello, world!} without a name);</li>
 *   <li>{@code POST /echo} answers the request body, byte for byte, up to 10 MiB;</li>
 *   <li>{@code GET /counter} answers {@code {"visits":N}}, counted in the visitor's session;</li>
 *   <li>everything else comes from the public folder, without directory listings, with the built-in error pages.</li>
 * </ul>
 */
public final class EmbeddedApp {

    private static final long MAX_ECHO = 10L * 1024 * 1024;

    private EmbeddedApp() {
    }

    /**
     * Builds the server, binds it, and serves until the process is stopped (SIGINT or SIGTERM).
     *
     * @param args the port, then optionally the public folder (default {@code public})
     * @throws InterruptedException if interrupted while stopping
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2 || !args[0].matches("[0-9]{1,5}")) {
            System.err.println("usage: EmbeddedApp PORT [PUBLIC_DIR]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path publicDir = Path.of(args.length > 1 ? args[1] : "public");
        Solo solo;
        try {
            solo = build(port, publicDir);
            solo.start();
        } catch (ConfigException | BindFailure e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        solo.listeningLines().forEach(System.out::println);
        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM runs shutdown hooks on a thread of their own (Ctrl-C, SIGTERM). This one only asks the server to
        // stop (Solo.stop is safe from any thread) and waits; the loop stays the only thread touching sockets.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            solo.stop();
            try {
                stopped.await(Solo.SHUTDOWN_GRACE.toSeconds() + 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop"));
        solo.run();
        stopped.countDown();
    }

    /**
     * The server: what a config file would say, written as code.
     *
     * @param port the port on 127.0.0.1
     * @param publicDir the static files
     * @return the server, not yet bound
     * @throws ConfigException naming the builder call of each mistake
     */
    public static Solo build(int port, Path publicDir) throws ConfigException {
        return Solo.builder()
                .listen("127.0.0.1", port)
                .server(s -> s
                        .root(publicDir)
                        .autoindex(false)
                        .exactLocation("/hello", l -> l.methods(Method.GET, Method.HEAD)
                                .handler(ex -> ex.respond(Status.OK, "text/plain; charset=utf-8",
                                        Greeting.of(ex.request().parameters()))))
                        .exactLocation("/echo", l -> l.methods(Method.POST)
                                .clientMaxBodySize(MAX_ECHO)
                                .handler(Echo::start))
                        .exactLocation("/counter", l -> l.methods(Method.GET)
                                .handler(VisitCounter::count)))
                .build();
    }
}
