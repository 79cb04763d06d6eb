package dev.solo.tls.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class ClientHelloTest {

    /** The first record a JDK client sends, with or without SNI. */
    private static ByteBuffer hello(String serverName) throws Exception {
        SSLEngine client = SSLContext.getDefault().createSSLEngine(serverName, 443);
        client.setUseClientMode(true);
        if (serverName == null) {
            SSLParameters parameters = client.getSSLParameters();
            parameters.setServerNames(List.of());
            client.setSSLParameters(parameters);
        } else {
            SSLParameters parameters = client.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
            client.setSSLParameters(parameters);
        }
        ByteBuffer out = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        client.wrap(ByteBuffer.allocate(0), out);
        return out.flip();
    }

    @Test
    void findsTheServerNameInARealClientHello() throws Exception {
        ByteBuffer record = hello("Example.TEST");
        assertEquals(ClientHello.Kind.TLS, ClientHello.classify(record));
        assertEquals("example.test", ClientHello.serverName(record));
        assertEquals(0, record.position(), "peeking consumes nothing");
    }

    @Test
    void aHelloWithoutSniHasNoName() throws Exception {
        assertNull(ClientHello.serverName(hello(null)));
    }

    @Test
    void waitsForTheWholeFirstRecordAndTellsPlainHttpApart() throws Exception {
        ByteBuffer record = hello("a.test");
        ByteBuffer part = ByteBuffer.allocate(record.capacity()).put(record.duplicate().limit(40)).flip();
        assertEquals(ClientHello.Kind.NEED_MORE, ClientHello.classify(part));
        assertEquals(ClientHello.Kind.PLAIN_HTTP, ClientHello.classify(ByteBuffer.wrap(
                "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(ClientHello.Kind.OTHER, ClientHello.classify(ByteBuffer.wrap(new byte[] {0, 1, 2})));
    }

    @Test
    void aTruncatedHelloGivesNoNameRatherThanAnError() throws Exception {
        ByteBuffer record = hello("a.test");
        assertNull(ClientHello.serverName(record.duplicate().limit(60)));
    }
}
