package dev.solo.http.internal.upload;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.mockito.ArgumentCaptor;

/** A mocked exchange for one request, with helpers to feed its body and read what the handler answered. */
final class ExchangeStub {

    final Exchange exchange = mock(Exchange.class);
    final Request request = mock(Request.class);
    final Headers headers = new Headers();

    ExchangeStub(Location location, Method method, String path) {
        when(exchange.request()).thenReturn(request);
        when(exchange.location()).thenReturn(location);
        when(request.method()).thenReturn(method);
        when(request.path()).thenReturn(path);
        when(request.headers()).thenReturn(headers);
        when(request.hasBody()).thenReturn(true);
    }

    ExchangeStub header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /** @return the consumer the handler asked the body for */
    BodyConsumer body() {
        ArgumentCaptor<BodyConsumer> consumer = ArgumentCaptor.forClass(BodyConsumer.class);
        verify(exchange).receiveBody(consumer.capture());
        return consumer.getValue();
    }

    /** @return the cleanup the handler registered with {@code onAbort} */
    Runnable abortCleanup() {
        ArgumentCaptor<Runnable> cleanup = ArgumentCaptor.forClass(Runnable.class);
        verify(exchange).onAbort(cleanup.capture());
        return cleanup.getValue();
    }

    /**
     * Delivers a body in random slices, as the connection does, then completes it.
     *
     * @param content the body
     * @param random decides the slice sizes
     * @throws Exception when the consumer throws
     */
    void send(byte[] content, Random random) throws Exception {
        BodyConsumer consumer = body();
        feed(consumer, content, 0, content.length, random);
        consumer.onComplete();
    }

    static void feed(BodyConsumer consumer, byte[] content, int from, int to, Random random) throws Exception {
        for (int at = from; at < to; ) {
            int size = Math.min(to - at, 1 + random.nextInt(16 * 1024));
            ByteBuffer slice = ByteBuffer.wrap(content, at, size).slice();
            consumer.onData(slice);
            if (slice.hasRemaining()) {
                throw new AssertionError("consumer left bytes unread");
            }
            at += size;
        }
    }

    /** @return the response the handler gave */
    Response response() {
        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(exchange).respond(response.capture());
        return response.getValue();
    }

    /** @return the error the handler answered with */
    HttpException error() {
        ArgumentCaptor<HttpException> error = ArgumentCaptor.forClass(HttpException.class);
        verify(exchange).sendError(error.capture());
        return error.getValue();
    }

    static String text(Response response) {
        ByteBuffer bytes = response.bytes().duplicate();
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }
}
