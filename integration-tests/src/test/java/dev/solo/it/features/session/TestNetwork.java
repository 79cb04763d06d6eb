package dev.solo.it.features.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Three "hosts" for the multi-host session test: Redis, A and B. With root and {@code iproute2} they are network
 * namespaces, each with a veth pair into a bridge that the test (in the root namespace) also sits on, so Solo on A
 * and B reach Redis over a network of their own. Where namespaces cannot be made (no root, no bridge support, a
 * container without {@code CAP_NET_ADMIN}), the hosts are the loopback addresses 127.0.0.1 to 127.0.0.3, and
 * {@link #description()} says why: the test then still runs, with separate processes, and reports which it did.
 * Setting {@code SOLO_TEST_NO_NETNS} forces the loopback form.
 */
final class TestNetwork implements AutoCloseable {

    /** The hosts, in the order of {@link #address(int)}. */
    static final int REDIS = 0;
    /** The first Solo host. */
    static final int HOST_A = 1;
    /** The second Solo host. */
    static final int HOST_B = 2;

    private static final String[] NAMES = {"r", "a", "b"};

    private final boolean namespaces;
    private final String tag;
    private final String subnet;
    private final String description;

    private TestNetwork(boolean namespaces, String tag, String subnet, String description) {
        this.namespaces = namespaces;
        this.tag = tag;
        this.subnet = subnet;
        this.description = description;
    }

    /** @return namespaces when they can be made here, else loopback addresses; never fails */
    static TestNetwork create() {
        long pid = ProcessHandle.current().pid();
        String tag = Long.toString(pid % 100_000);
        String subnet = "10.231." + (pid % 200 + 20);
        TestNetwork network = new TestNetwork(true, tag, subnet, "network namespaces solo" + tag + "{r,a,b} on "
                + subnet + ".0/24, bridged");
        try {
            if (System.getenv("SOLO_TEST_NO_NETNS") != null) {
                throw new IllegalStateException("SOLO_TEST_NO_NETNS is set");
            }
            network.setUp();
            return network;
        } catch (IOException | InterruptedException | RuntimeException e) {
            network.close();
            return new TestNetwork(false, tag, subnet, "loopback addresses 127.0.0.1-3 in one namespace, because"
                    + " network namespaces could not be made here: " + e.getMessage());
        }
    }

    private void setUp() throws IOException, InterruptedException {
        ip("link", "add", bridge(), "type", "bridge");
        ip("addr", "add", subnet + ".254/24", "dev", bridge());
        ip("link", "set", bridge(), "up");
        for (int i = 0; i < NAMES.length; i++) {
            String ns = namespace(i);
            String outside = "solo" + tag + NAMES[i];
            ip("netns", "add", ns);
            ip("link", "add", outside, "type", "veth", "peer", "name", "eth0", "netns", ns);
            ip("link", "set", outside, "master", bridge());
            ip("link", "set", outside, "up");
            ip("-n", ns, "addr", "add", address(i) + "/24", "dev", "eth0");
            ip("-n", ns, "link", "set", "eth0", "up");
            ip("-n", ns, "link", "set", "lo", "up");
        }
    }

    /** @return true when the hosts are network namespaces */
    boolean namespaces() {
        return namespaces;
    }

    /** @return what the hosts are, for the test's output */
    String description() {
        return description;
    }

    /**
     * @param host {@link #REDIS}, {@link #HOST_A} or {@link #HOST_B}
     * @return its IPv4 address
     */
    String address(int host) {
        return namespaces ? subnet + "." + (host + 1) : "127.0.0." + (host + 1);
    }

    /**
     * @param host {@link #REDIS}, {@link #HOST_A} or {@link #HOST_B}
     * @return the command prefix that runs a program on that host (empty on loopback)
     */
    List<String> prefix(int host) {
        return namespaces ? List.of("ip", "netns", "exec", namespace(host)) : List.of();
    }

    private String namespace(int host) {
        return "solo" + tag + NAMES[host];
    }

    private String bridge() {
        return "solobr" + tag;
    }

    /** Removes the namespaces (their veth pairs go with them) and the bridge; quiet about what was never made. */
    @Override
    public void close() {
        if (!namespaces) {
            return;
        }
        for (int i = 0; i < NAMES.length; i++) {
            quietly("netns", "del", namespace(i));
        }
        quietly("link", "del", bridge());
    }

    private static void quietly(String... args) {
        try {
            ip(args);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // Cleaning up what may not exist.
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
