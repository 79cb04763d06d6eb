import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The server side of TLS 1.3 with two providers, in memory (no sockets, one thread): the JDK's SunJSSE and
 * Conscrypt (BoringSSL), each against a JDK client. Counts only the server engine's CPU time (wrap, unwrap and
 * delegated tasks), so the figures compare what Solo's loop would spend per full handshake, per resumed
 * handshake, per 100-byte request/response and per 1 MiB response; and the heap each established server
 * engine keeps. Usage: java -cp conscrypt-openjdk-uber.jar ProviderCompare.java KEYSTORE.p12 PASSWORD
 */
public class ProviderCompare {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long serverNanos;

    public static void main(String[] args) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(args[0])) {
            keys.load(in, args[1].toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(keys, args[1].toCharArray());
        SSLContext client = SSLContext.getInstance("TLSv1.3");
        client.init(null, new TrustManager[] {new TrustAll()}, null);
        Provider conscrypt = (Provider) Class.forName("org.conscrypt.Conscrypt").getMethod("newProvider").invoke(null);
        System.out.println("| provider | full handshake, server CPU µs | resumed handshake µs | 100 B request + response µs | 1 MiB response µs | heap per idle engine, bytes |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int round = 0; round < 2; round++) {
            for (String name : new String[] {"SunJSSE (JDK 17)", "Conscrypt 2.5.2"}) {
                SSLContext server = name.startsWith("Sun") ? SSLContext.getInstance("TLSv1.3")
                        : SSLContext.getInstance("TLSv1.3", conscrypt);
                server.init(kmf.getKeyManagers(), null, null);
                String row = measure(name, client, server);
                if (round == 1) {
                    System.out.println(row); // the first round only warms the JIT
                }
            }
        }
    }

    private static String measure(String name, SSLContext clientContext, SSLContext serverContext) throws Exception {
        int handshakes = 1500;
        // Full handshakes: a new client context port each time, so nothing is resumed.
        serverNanos = 0;
        for (int i = 0; i < handshakes; i++) {
            SSLEngine c = clientContext.createSSLEngine();
            c.setUseClientMode(true);
            handshake(c, server(serverContext));
        }
        double full = serverNanos / 1000.0 / handshakes;
        // Resumed: the same host and port, so the client offers the ticket of the last session.
        SSLEngine first = clientContext.createSSLEngine("resume.test", 443);
        first.setUseClientMode(true);
        handshake(first, server(serverContext));
        serverNanos = 0;
        for (int i = 0; i < handshakes; i++) {
            SSLEngine c = clientContext.createSSLEngine("resume.test", 443);
            c.setUseClientMode(true);
            handshake(c, server(serverContext));
        }
        double resumed = serverNanos / 1000.0 / handshakes;
        // Requests on one connection.
        SSLEngine c = clientContext.createSSLEngine();
        c.setUseClientMode(true);
        SSLEngine s = server(serverContext);
        Pair pair = handshake(c, s);
        byte[] request = new byte[100];
        byte[] response = new byte[250];
        serverNanos = 0;
        int requests = 20000;
        for (int i = 0; i < requests; i++) {
            pair.exchange(request, response);
        }
        double small = serverNanos / 1000.0 / requests;
        byte[] mib = new byte[1 << 20];
        serverNanos = 0;
        for (int i = 0; i < 40; i++) {
            pair.exchange(request, mib);
        }
        double large = serverNanos / 1000.0 / 40;
        // Heap per established server engine (client engines dropped).
        List<SSLEngine> kept = new ArrayList<>();
        long before = usedAfterGc();
        int idle = 2000;
        for (int i = 0; i < idle; i++) {
            SSLEngine ce = clientContext.createSSLEngine();
            ce.setUseClientMode(true);
            SSLEngine se = server(serverContext);
            handshake(ce, se).exchange(request, response);
            kept.add(se);
        }
        long after = usedAfterGc();
        String row = String.format("| %s | %.0f | %.0f | %.1f | %.0f | %d |", name, full, resumed, small, large,
                (after - before) / idle);
        kept.clear();
        return row;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static SSLEngine server(SSLContext context) {
        SSLEngine s = context.createSSLEngine();
        s.setUseClientMode(false);
        return s;
    }

    /** Both directions' records, and the plaintext each side received. */
    static final class Pair {
        final SSLEngine c;
        final SSLEngine s;
        final ByteBuffer c2s = ByteBuffer.allocate(1 << 21);
        final ByteBuffer s2c = ByteBuffer.allocate(1 << 21);
        final ByteBuffer cApp = ByteBuffer.allocate(1 << 21);
        final ByteBuffer sApp = ByteBuffer.allocate(1 << 21);

        Pair(SSLEngine c, SSLEngine s) {
            this.c = c;
            this.s = s;
        }

        void exchange(byte[] request, byte[] response) throws SSLException {
            ByteBuffer req = ByteBuffer.wrap(request);
            while (req.hasRemaining()) {
                c.wrap(req, c2s);
            }
            long t0 = cpu();
            step(s, c2s, s2c, sApp);
            sApp.clear();
            ByteBuffer res = ByteBuffer.wrap(response);
            while (res.hasRemaining()) {
                s.wrap(res, s2c);
            }
            serverNanos += cpu() - t0;
            step(c, s2c, c2s, cApp);
            cApp.clear();
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static Pair handshake(SSLEngine c, SSLEngine s) throws SSLException {
        Pair p = new Pair(c, s);
        c.beginHandshake();
        s.beginHandshake();
        for (int i = 0; i < 50; i++) {
            step(c, p.s2c, p.c2s, p.cApp);
            long t0 = cpu();
            step(s, p.c2s, p.s2c, p.sApp);
            serverNanos += cpu() - t0;
            if (c.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && s.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && p.c2s.position() == 0 && p.s2c.position() == 0) {
                return p;
            }
        }
        throw new IllegalStateException("no handshake");
    }

    /** Everything the engine can do now: tasks, wraps into out, unwraps of in (write mode both). */
    private static void step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        for (int guard = 0; guard < 100; guard++) {
            HandshakeStatus hs = e.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = e.getDelegatedTask()) != null) {
                    task.run();
                }
                continue;
            }
            if (hs == HandshakeStatus.NEED_WRAP) {
                SSLEngineResult r = e.wrap(EMPTY, out);
                if (r.bytesProduced() > 0 || r.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                    continue;
                }
                return;
            }
            in.flip();
            boolean progress = false;
            if (in.hasRemaining()) {
                SSLEngineResult r = e.unwrap(in, app);
                progress = r.bytesConsumed() > 0 || r.bytesProduced() > 0;
            }
            in.compact();
            if (!progress) {
                return;
            }
        }
    }

    static final class TrustAll implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
