package dev.solo.app;

import java.time.Duration;

/**
 * Timeouts and keep-alive, for the whole program or one server.
 *
 * @param <T> the builder, returned for chaining
 */
public interface ConnectionSettings<T> extends Settings<T> {

    /**
     * {@code client_header_timeout T;}
     *
     * @param timeout the time a client has to send a request head
     * @return this builder
     */
    default T clientHeaderTimeout(Duration timeout) {
        return directive("client_header_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code client_body_timeout T;}
     *
     * @param timeout the longest pause between two reads of a body
     * @return this builder
     */
    default T clientBodyTimeout(Duration timeout) {
        return directive("client_body_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code client_body_total_timeout T;}
     *
     * @param timeout the time a whole body may take
     * @return this builder
     */
    default T clientBodyTotalTimeout(Duration timeout) {
        return directive("client_body_total_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code keepalive_timeout T;}
     *
     * @param timeout how long an idle connection stays open
     * @return this builder
     */
    default T keepaliveTimeout(Duration timeout) {
        return directive("keepalive_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code send_timeout T;}
     *
     * @param timeout the longest pause of a client reading a response
     * @return this builder
     */
    default T sendTimeout(Duration timeout) {
        return directive("send_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code request_timeout T;}
     *
     * @param timeout the time a handler has to answer
     * @return this builder
     */
    default T requestTimeout(Duration timeout) {
        return directive("request_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code keepalive_requests N;}
     *
     * @param requests the requests served on one connection before it is closed
     * @return this builder
     */
    default T keepaliveRequests(int requests) {
        return directive("keepalive_requests", Integer.toString(requests));
    }
}
