package dev.solo.it.features.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** The clients the HTTPS tests share: a command-line client run to its end, and a raw TLS socket with SNI. */
final class TlsClients {

    private TlsClients() {
    }

    /**
     * Runs a client (curl, openssl s_client) with no input and waits for it.
     *
     * @param command the command and its arguments
     * @return its standard output and error, then {@code \nexit=N}
     */
    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running: " + command);
        return output + "\nexit=" + process.exitValue();
    }

    /**
     * Opens a TLS connection to 127.0.0.1 that sends {@code serverName} as SNI, handshake done.
     *
     * @param context trusts the test CA
     * @param port the server's TLS port
     * @param serverName the SNI name
     * @return the socket, with a 5 s read timeout
     */
    static SSLSocket openTls(SSLContext context, int port, String serverName) throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, serverName, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return socket;
    }
}
