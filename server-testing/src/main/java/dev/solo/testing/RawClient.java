package dev.solo.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A client that sends exactly the bytes it is given and parses what comes back: for pipelining, malformed requests,
 * partial sends and keep-alive, which high-level clients hide. Reads time out after 10 seconds.
 */
public final class RawClient implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * @param address where to connect
     * @return the connected client
     * @throws IOException when it cannot connect
     */
    public static RawClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return new RawClient(socket);
    }

    /**
     * @param text bytes to send, as ISO-8859-1 text
     * @throws IOException when the connection fails
     */
    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * @param bytes bytes to send
     * @throws IOException when the connection fails
     */
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads one response to a request other than HEAD.
     *
     * @return the response
     * @throws IOException when the connection fails or ends inside the response
     */
    public RawResponse read() throws IOException {
        return read(false);
    }

    /**
     * Reads one response: its body framed by {@code Content-Length}, chunked, or until the server closes.
     *
     * @param toHead whether it answers a HEAD request (then it has no body whatever its headers say)
     * @return the response
     * @throws IOException when the connection fails or ends inside the response
     */
    public RawResponse read(boolean toHead) throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        List<RawResponse.Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new RawResponse.Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
        }
        RawResponse response = new RawResponse(status, head, headers, new byte[0]);
        byte[] body;
        if (toHead || status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (response.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).endsWith("chunked"))
                .orElse(false)) {
            body = readChunked();
        } else if (response.header("Content-Length").isPresent()) {
            body = in.readNBytes(Integer.parseInt(response.header("Content-Length").get()));
        } else {
            body = in.readAllBytes();
        }
        return new RawResponse(status, head, headers, body);
    }

    /**
     * @return true when the server closed the connection (the next read finds its end)
     * @throws IOException when reading fails (a reset, or the read timeout)
     */
    public boolean isClosedByServer() throws IOException {
        return in.read() < 0;
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after " + head.length() + " bytes of a response head");
            }
            head.append((char) b);
        }
        return head.substring(0, head.length() - 4);
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (line.length() < 2 || line.charAt(line.length() - 2) != '\r' || line.charAt(line.length() - 1) != '\n') {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a chunked body");
            }
            line.append((char) b);
        }
        return line.substring(0, line.length() - 2);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (length == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: not kept
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            readLine();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
