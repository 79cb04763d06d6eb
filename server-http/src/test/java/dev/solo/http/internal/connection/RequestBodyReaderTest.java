package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.SourcePosition;
import dev.solo.http.BodyConsumer;
import dev.solo.http.HttpLimits;
import dev.solo.http.codec.RequestDecoder;
import dev.solo.http.codec.RequestHead;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request body fed to a handler or dropped, read to its end, given up, or passed on by an internal redirect. */
class RequestBodyReaderTest {

    /** Records what the handler's consumer is told. */
    private static final class Recorder implements BodyConsumer {
        final StringBuilder data = new StringBuilder();
        final List<String> events = new ArrayList<>();

        @Override
        public void onData(ByteBuffer content) {
            data.append(StandardCharsets.US_ASCII.decode(content));
        }

        @Override
        public void onComplete() {
            events.add("complete");
        }

        @Override
        public void onAbort(Throwable cause) {
            events.add("abort: " + cause.getMessage());
        }
    }

    private final ScriptedTransport transport = new ScriptedTransport();
    private final HttpConnection connection = new HttpConnection(transport,
            new ConnectionContext(HttpLimits.DEFAULTS, false), hosts());
    private final Recorder consumer = new Recorder();

    private static HostTable hosts() {
        HostTable hosts = new HostTable();
        hosts.add(new VirtualServer(List.of("localhost"), new LocationTable(), Timeouts.DEFAULTS, null,
                new SourcePosition(Path.of("t.conf"), 1, 1)), true);
        return hosts;
    }

    private RequestBodyReader reader(String extraFields) {
        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        decoder.decode(ascii("POST /form HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n" + extraFields + "\r\n"));
        RequestHead head = decoder.head();
        return new RequestBodyReader(connection, head, Timeouts.DEFAULTS);
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aClaimedBodyIsFedToTheConsumerAndEndsDelivered() throws IOException {
        RequestBodyReader body = reader("");
        assertEquals(RequestBodyState.UNCLAIMED, body.state());
        body.claim(consumer);

        assertFalse(body.read(ascii("hel")));
        assertEquals(RequestBodyState.TO_HANDLER, body.state());
        assertTrue(body.read(ascii("lo")));

        assertEquals("hello", consumer.data.toString());
        assertEquals(List.of("complete"), consumer.events);
        assertEquals(RequestBodyState.DELIVERED, body.state());
    }

    @Test
    void aBodyNobodyClaimedIsDroppedToItsEnd() throws IOException {
        RequestBodyReader body = reader("");
        assertFalse(body.discard(), "the connection may stay open");
        assertTrue(body.read(ascii("hello")));
        assertEquals(RequestBodyState.DROPPED, body.state());
        assertThrows(IllegalStateException.class, () -> body.claim(consumer), "too late to claim");
    }

    @Test
    void aBodyWaitingForContinueIsNeverAskedForWhenNobodyClaimsIt() {
        RequestBodyReader body = reader("Expect: 100-continue\r\n");
        assertTrue(body.discard(), "the connection must close");
        assertEquals(RequestBodyState.CUT_SHORT, body.state());
    }

    @Test
    void aBodyCutShortTellsItsConsumerOnce() throws IOException {
        RequestBodyReader body = reader("");
        body.claim(consumer);
        body.read(ascii("he"));
        body.cutShort(new IOException("answered early"));
        body.cutShort(new IOException("again"));
        assertEquals(List.of("abort: answered early"), consumer.events);
        assertEquals(RequestBodyState.CUT_SHORT, body.state());
    }

    @Test
    void aRedirectPassesTheRestOfABodyOnAndLeavesNoneOfADeliveredOne() throws IOException {
        RequestBodyReader partly = reader("");
        partly.claim(consumer);
        partly.read(ascii("he"));
        partly.redirected();
        assertEquals(RequestBodyState.UNCLAIMED, partly.state());

        RequestBodyReader whole = reader("");
        whole.claim(consumer);
        whole.read(ascii("hello"));
        whole.redirected();
        assertEquals(RequestBodyState.NONE, whole.state());
        assertTrue(whole.isClaimable(), "the next handler is told at once that it is complete");
    }
}
