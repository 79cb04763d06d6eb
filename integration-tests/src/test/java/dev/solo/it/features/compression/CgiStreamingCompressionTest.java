package dev.solo.it.features.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.Programs;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A CGI script's output is compressed as it arrives and sent in chunks: the client reads and inflates the first part
 * while the script still waits (for a file the test creates only then), so nothing is held back until the end.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class CgiStreamingCompressionTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    @TempDir
    Path site;

    @Test
    void theFirstPartOfASlowScriptReachesTheClientCompressedBeforeTheScriptEnds() throws Exception {
        Programs.require("python3", "python3");
        Path go = site.resolve("go");
        SiteFiles.write(site, "cgi-bin/slow.py", """
                import os, sys, time
                sys.stdout.write('Content-Type: text/html\\r\\n\\r\\n')
                sys.stdout.write('<p>first part</p>\\n' * 200)
                sys.stdout.flush()
                while not os.path.exists(%s):
                    time.sleep(0.02)
                sys.stdout.write('<p>second part</p>\\n' * 200)
                """.formatted("'" + go + "'"));
        String expected = "<p>first part</p>\n".repeat(200) + "<p>second part</p>\n".repeat(200);
        try (TestServer server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    gzip on;
                    location /cgi-bin/ { cgi .py python3; cgi_timeout 30s; }
                }
                """, Map.of("root", site));
                RawClient client = server.connect()) {
            Socket socket = client.socket();
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /cgi-bin/slow.py HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.contains("\r\nContent-Encoding: gzip\r\n"), head);
            assertTrue(head.contains("\r\nTransfer-Encoding: chunked\r\n"), head);

            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            StringBuilder inflated = new StringBuilder();
            Inflater inflater = new Inflater(true);
            try {
                byte[] header = new byte[10];
                boolean headerRead = false;
                while (inflated.indexOf("<p>first part</p>\n".repeat(200)) < 0) {
                    byte[] chunk = readChunk(in);
                    assertTrue(chunk.length > 0, "the body ended before the script was let go: " + inflated);
                    compressed.writeBytes(chunk);
                    int offset = 0;
                    if (!headerRead && compressed.size() >= 10) {
                        System.arraycopy(compressed.toByteArray(), 0, header, 0, 10);
                        headerRead = true;
                        offset = 10 - (compressed.size() - chunk.length);
                    }
                    if (headerRead) {
                        inflated.append(inflate(inflater, chunk, Math.max(0, offset)));
                    }
                }
                assertTrue(inflated.indexOf("second part") < 0);
                Files.writeString(go, "go"); // only now may the script finish
                byte[] chunk;
                while ((chunk = readChunk(in)).length > 0) {
                    inflated.append(inflate(inflater, chunk, 0));
                }
                assertTrue(inflater.finished(), "a complete gzip member");
            } finally {
                inflater.end();
            }
            assertEquals(expected, inflated.toString());
        }
    }

    private static String inflate(Inflater inflater, byte[] data, int offset) throws DataFormatException {
        inflater.setInput(data, offset, data.length - offset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.needsInput() && !inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        // The trailer's 8 bytes follow the deflate data; the inflater leaves them as remaining input.
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head: " + head);
            }
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
    }

    /** One chunk's data (RFC 9112 §7.1); empty for the last chunk, whose trailer section is read too. */
    private static byte[] readChunk(DataInputStream in) throws IOException {
        String sizeLine = readLine(in);
        int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
        byte[] data = new byte[size];
        in.readFully(data);
        if (size == 0) {
            while (!readLine(in).isEmpty()) {
                // trailer fields
            }
            return data;
        }
        readLine(in);
        return data;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("closed mid-line");
            }
            line.append((char) b);
        }
        return line.toString().strip();
    }
}
