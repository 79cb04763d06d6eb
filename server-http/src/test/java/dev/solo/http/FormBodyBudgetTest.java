package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Every form being read shares one budget (an eighth of the heap): past it a form is refused with 503 and
 * Retry-After, and a form gives its share back when it ends, however it ends.
 */
class FormBodyBudgetTest {

    /** What a test took of the budget to stand for other clients' forms. */
    private long others;

    @AfterEach
    void giveBack() {
        FormBody.HELD.addAndGet(-others);
    }

    private Exchange post(long contentLength) {
        Exchange exchange = mock(Exchange.class);
        Request request = mock(Request.class);
        Headers headers = new Headers().add("Content-Type", "application/x-www-form-urlencoded");
        when(exchange.request()).thenReturn(request);
        when(request.hasBody()).thenReturn(true);
        when(request.headers()).thenReturn(headers);
        when(request.contentLength()).thenReturn(contentLength);
        return exchange;
    }

    @Test
    void aFormThatDoesNotFitTheBudgetIsRefusedWith503() {
        others = FormBody.BUDGET - 10;
        FormBody.HELD.addAndGet(others);
        Exchange exchange = post(11);

        FormBody.receive(exchange, 100, form -> { });

        ArgumentCaptor<HttpException> error = ArgumentCaptor.forClass(HttpException.class);
        verify(exchange).sendError(error.capture());
        assertEquals(Status.SERVICE_UNAVAILABLE, error.getValue().status());
        assertEquals("1", error.getValue().headers().get("Retry-After"));
        verify(exchange, never()).receiveBody(any());
    }

    @Test
    void aChunkedFormIsRefusedWhenItsBytesPassTheBudget() throws Exception {
        others = FormBody.BUDGET - 10;
        FormBody.HELD.addAndGet(others);
        Exchange exchange = post(-1);
        ArgumentCaptor<BodyConsumer> consumer = ArgumentCaptor.forClass(BodyConsumer.class);

        FormBody.receive(exchange, 100, form -> { });
        verify(exchange).receiveBody(consumer.capture());
        consumer.getValue().onData(ByteBuffer.wrap("a=12345".getBytes(StandardCharsets.US_ASCII)));
        consumer.getValue().onData(ByteBuffer.wrap("6789".getBytes(StandardCharsets.US_ASCII)));

        ArgumentCaptor<HttpException> error = ArgumentCaptor.forClass(HttpException.class);
        verify(exchange).sendError(error.capture());
        assertEquals(Status.SERVICE_UNAVAILABLE, error.getValue().status());
        assertEquals(others, FormBody.HELD.get(), "the refused form gave back what it held");
    }

    @Test
    void aFormGivesItsShareBackWhenParsedOrAborted() throws Exception {
        long before = FormBody.HELD.get();
        Exchange parsed = post(3);
        ArgumentCaptor<BodyConsumer> consumer = ArgumentCaptor.forClass(BodyConsumer.class);
        FormBody.receive(parsed, 100, form -> { });
        verify(parsed).receiveBody(consumer.capture());
        assertEquals(before + 3, FormBody.HELD.get());
        consumer.getValue().onData(ByteBuffer.wrap("a=1".getBytes(StandardCharsets.US_ASCII)));
        consumer.getValue().onComplete();
        assertEquals(before, FormBody.HELD.get());

        Exchange aborted = post(-1);
        FormBody.receive(aborted, 100, form -> { });
        verify(aborted).receiveBody(consumer.capture());
        consumer.getValue().onData(ByteBuffer.wrap("a=12".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(before + 4, FormBody.HELD.get());
        consumer.getValue().onAbort(new java.io.IOException("client gone"));
        assertEquals(before, FormBody.HELD.get());
    }
}
