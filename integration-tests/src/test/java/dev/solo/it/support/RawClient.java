package dev.solo.it.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A byte-exact HTTP client on a plain {@link Socket} or over TLS ({@link #connectTls}), for requests no ordinary
 * client would send and for watching what the server does with the connection.
 *
 * <p>Every read has a timeout ({@link #DEFAULT_TIMEOUT} unless changed), so a server that hangs fails the test with
 * a {@link SocketTimeoutException} instead of hanging it. Text is sent as ISO-8859-1, one byte per char, so
 * {@code "\u00ff"} is the byte 0xFF.
 *
 * <p>Over TLS the connection's end is TLS's: {@link #isClosedByServer()} and {@link #readAll()} accept only an end
 * announced by close_notify (RFC 8446 §6.1), and fail on a TCP close without it, a truncation;
 * {@link #shutdownOutput()} sends close_notify (a TLS 1.3 half-close) and {@link #abort()} resets the TCP connection
 * under TLS, without close_notify, as a crashing client would.
 *
 * <pre>{@code
 * try (RawClient client = RawClient.connect(server.address(0))) {
 *     RawResponse response = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readResponse();
 *     assertTrue(client.isClosedByServer());
 * }
 * }</pre>
 */
public final class RawClient implements AutoCloseable {

    /** How long a read waits before the test fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final int MAX_LINE = 64 * 1024;

    private final Socket socket;
    /** The TCP socket: {@link #socket} itself, or the one under TLS. */
    private final Socket tcp;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this(socket, socket);
    }

    private RawClient(Socket socket, Socket tcp) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * @param address where the server listens
     * @return a connected client with the default read timeout and Nagle off (each send is its own segment)
     * @throws IOException when the connection fails
     */
    public static RawClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) DEFAULT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) DEFAULT_TIMEOUT.toMillis());
            return new RawClient(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Connects over TLS and completes the handshake, trusting the test CA only ({@link TestTls}).
     *
     * @param address where the server listens with {@code ssl}
     * @param serverName the SNI name to send, or null to send none (as a client that dials an IP address)
     * @return a connected client with the default read timeout and Nagle off
     * @throws IOException when the connection or the handshake fails
     */
    public static RawClient connectTls(InetSocketAddress address, String serverName) throws IOException {
        Socket tcp = new Socket();
        try {
            tcp.setTcpNoDelay(true);
            tcp.connect(address, (int) DEFAULT_TIMEOUT.toMillis());
            tcp.setSoTimeout((int) DEFAULT_TIMEOUT.toMillis());
            SSLSocket tls = (SSLSocket) TestTls.get().clientContext().getSocketFactory().createSocket(tcp,
                    address.getAddress().getHostAddress(), address.getPort(), true);
            if (serverName != null) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
                tls.setSSLParameters(parameters);
            }
            tls.startHandshake();
            return new RawClient(tls, tcp);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    /**
     * @param socket an already connected socket, e.g. an {@link javax.net.ssl.SSLSocket} to send raw HTTP over TLS
     * @return a client on it with the default read timeout
     * @throws IOException when the socket is unusable
     */
    public static RawClient over(Socket socket) throws IOException {
        socket.setSoTimeout((int) DEFAULT_TIMEOUT.toMillis());
        return new RawClient(socket);
    }

    /**
     * @param timeout how long each read may wait from now on
     * @return this client
     * @throws SocketException when the socket is closed
     */
    public RawClient timeout(Duration timeout) throws SocketException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    /** @return the socket, for options the client does not wrap: over TLS the {@link SSLSocket} */
    public Socket socket() {
        return socket;
    }

    /** @return whether this client speaks TLS */
    public boolean isTls() {
        return socket != tcp;
    }

    // ---- sending ----

    /**
     * @param text bytes as ISO-8859-1 text
     * @return this client
     * @throws IOException when the write fails
     */
    public RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * @param bytes what to send, in one write
     * @return this client
     * @throws IOException when the write fails
     */
    public RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /**
     * Sends in separate writes of at most {@code pieceSize} bytes; with Nagle off each usually arrives on its own.
     *
     * @param text bytes as ISO-8859-1 text
     * @param pieceSize bytes per write
     * @return this client
     * @throws IOException when a write fails
     */
    public RawClient sendInPieces(String text, int pieceSize) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += pieceSize) {
            out.write(bytes, i, Math.min(pieceSize, bytes.length - i));
            out.flush();
        }
        return this;
    }

    /**
     * @param text bytes as ISO-8859-1 text, each sent in its own write
     * @return this client
     * @throws IOException when a write fails
     */
    public RawClient sendByteByByte(String text) throws IOException {
        return sendInPieces(text, 1);
    }

    /**
     * Half-closes: the server sees end-of-stream, and this client can still read. Over TLS this sends close_notify
     * and leaves the TCP connection open, the half-close of TLS 1.3 (RFC 8446 §6.1).
     *
     * @return this client
     * @throws IOException when the socket is closed
     */
    public RawClient shutdownOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    // ---- reading ----

    /**
     * Reads the next response, interim (1xx) ones included, with its body framed by Content-Length, chunked coding
     * or the end of the connection (RFC 9112 §6.3).
     *
     * @return the response
     * @throws IOException on timeout, or when the connection ends before a complete response
     */
    public RawResponse readResponse() throws IOException {
        return read(false);
    }

    /**
     * Reads the response to a HEAD request: no body, whatever Content-Length says (RFC 9110 §9.3.2).
     *
     * @return the response
     * @throws IOException on timeout, or when the connection ends before a complete head
     */
    public RawResponse readHeadResponse() throws IOException {
        return read(true);
    }

    /**
     * @return every byte until the server closes
     * @throws IOException on timeout (the server did not close) or a read failure
     */
    public byte[] readAll() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("the server did not close the connection; received so far:\n"
                    + all.toString(StandardCharsets.ISO_8859_1));
        } catch (SSLException e) {
            throw truncated(e);
        }
        return all.toByteArray();
    }

    /**
     * Waits up to the read timeout for the server to close the connection.
     *
     * @return true when the connection ended (end-of-stream or reset), false when it stayed open and silent
     * @throws AssertionError when the server sent more bytes instead, or over TLS when it closed without close_notify
     * @throws IOException on another read failure
     */
    public boolean isClosedByServer() throws IOException {
        try {
            int b = in.read();
            if (b < 0) {
                return true;
            }
            byte[] rest = new byte[Math.min(in.available(), 2000)];
            int n = in.read(rest);
            throw new AssertionError("expected the connection to close, but the server sent more: "
                    + (char) b + new String(rest, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1));
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset by the server
        } catch (SSLException e) {
            throw truncated(e);
        }
    }

    /** The JDK reports a TCP end without close_notify as an SSLException, unlike a reset (a SocketException). */
    private static AssertionError truncated(SSLException e) {
        return new AssertionError("the server ended the TLS connection without close_notify (RFC 8446 §6.1)", e);
    }

    private RawResponse read(boolean headRequest) throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            throw new IOException("not a status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        String reason = parts.length == 3 ? parts[2] : "";
        List<Map.Entry<String, String>> headers = readFields();
        RawResponse head = new RawResponse(parts[0], status, reason, headers, new byte[0], List.of());
        if (headRequest || status < 200 || status == 204 || status == 304) {
            return head;
        }
        List<Map.Entry<String, String>> trailers = new ArrayList<>();
        byte[] body;
        String transferEncoding = head.header("Transfer-Encoding");
        String contentLength = head.header("Content-Length");
        if (transferEncoding != null && transferEncoding.toLowerCase(java.util.Locale.ROOT).endsWith("chunked")) {
            body = readChunked(trailers);
        } else if (contentLength != null) {
            body = readExactly(Integer.parseInt(contentLength.strip()));
        } else {
            body = readAll();
        }
        return new RawResponse(parts[0], status, reason, headers, body, trailers);
    }

    private List<Map.Entry<String, String>> readFields() throws IOException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        String line;
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed field line: " + line);
            }
            fields.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        return fields;
    }

    private byte[] readChunked(List<Map.Entry<String, String>> trailers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                trailers.addAll(readFields());
                return body.toByteArray();
            }
            body.write(readExactly(size));
            if (!readLine().isEmpty()) {
                throw new IOException("chunk data not followed by CRLF");
            }
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            int n = in.read(bytes, done, length - done);
            if (n < 0) {
                throw new EOFException("connection closed after " + done + " of " + length + " body bytes");
            }
            done += n;
        }
        return bytes;
    }

    /** Reads a line ending in CRLF (or a lone LF), without the terminator. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed"
                        + (line.size() == 0 ? "" : " in the middle of a line: " + line.toString(StandardCharsets.ISO_8859_1)));
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Closes with a reset instead of a FIN (SO_LINGER 0), as a crashing client would; over TLS without close_notify.
     *
     * @throws IOException when closing fails
     */
    public void abort() throws IOException {
        tcp.setSoLinger(true, 0);
        tcp.close();
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
