package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that sends {@code GET /} without pause on a thread of its own, like one siege user: either a new connection
 * per request ({@code Connection: close}) or one keep-alive connection (opened again after a failure). It counts
 * successes (status 200) and failures (anything else: refused, reset, a short read, another status), and keeps the last
 * body and the first few failure reasons, so a test can say what a reload or a killed worker did to clients.
 */
final class LoadLoop implements AutoCloseable {

    private final InetSocketAddress address;
    private final boolean keepAlive;
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Semaphore progress = new Semaphore(0);
    private final Queue<String> reasons = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastBody = "";
    private Socket socket;

    private LoadLoop(InetSocketAddress address, boolean keepAlive) {
        this.address = address;
        this.keepAlive = keepAlive;
        this.thread = new Thread(this::loop, "load-" + address.getPort());
        thread.setDaemon(true);
    }

    /**
     * @param address where to send
     * @param keepAlive one persistent connection instead of a connection per request
     * @return the running loop
     */
    static LoadLoop start(InetSocketAddress address, boolean keepAlive) {
        LoadLoop load = new LoadLoop(address, keepAlive);
        load.thread.start();
        return load;
    }

    /**
     * Waits until {@code count} requests sent after this call have ended (well or not): the one in flight now may have
     * been sent before, so one more completion is awaited than asked for.
     *
     * @param count how many
     * @param timeout how long at most
     * @throws InterruptedException when interrupted
     */
    void awaitRequests(int count, Duration timeout) throws InterruptedException {
        progress.drainPermits();
        assertTrue(progress.tryAcquire(count + 1, timeout.toMillis(), TimeUnit.MILLISECONDS),
                "fewer than " + count + " requests within " + timeout + ": " + this);
    }

    int succeeded() {
        return succeeded.get();
    }

    int failed() {
        return failed.get();
    }

    String lastBody() {
        return lastBody;
    }

    private void loop() {
        while (running) {
            try {
                String body = request();
                lastBody = body;
                succeeded.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                failed.incrementAndGet();
                if (reasons.size() < 5) {
                    reasons.add(e.toString());
                }
                closeSocket();
            }
            progress.release();
        }
        closeSocket();
    }

    private String request() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(address, 5_000);
            socket.setSoTimeout(10_000);
        }
        OutputStream out = socket.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: localhost\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 1);
        String head = readHead(in);
        int length = -1;
        boolean closes = !keepAlive;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        if (!head.startsWith("HTTP/1.1 200 ") || length < 0) {
            throw new IOException("unexpected answer: " + head.lines().findFirst().orElse(""));
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("short body: " + body.length + " of " + length);
        }
        if (closes) {
            closeSocket();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of the head");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // a failed request is already counted
            }
            socket = null;
        }
    }

    /**
     * Stops after the request in flight and waits for it, so the counts are final.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    void stop() throws InterruptedException {
        running = false;
        thread.join(20_000);
    }

    /** Stops after the request in flight (for try-with-resources when a test fails early). */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            // The test is being interrupted: keep the flag; the loop thread ends on its own after its request.
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return succeeded + " succeeded, " + failed + " failed " + reasons;
    }
}
