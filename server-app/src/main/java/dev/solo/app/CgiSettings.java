package dev.solo.app;

import java.time.Duration;

/**
 * CGI limits (module {@code server-cgi}); the {@code cgi} mapping itself is {@link LocationSpec#cgi}.
 *
 * @param <T> the builder, returned for chaining
 */
public interface CgiSettings<T> extends Settings<T> {

    /**
     * {@code cgi_timeout T;} (server or location)
     *
     * @param timeout the time a script has to answer
     * @return this builder
     */
    default T cgiTimeout(Duration timeout) {
        return directive("cgi_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code cgi_max_processes N;} (program or server)
     *
     * @param processes scripts running at once
     * @return this builder
     */
    default T cgiMaxProcesses(int processes) {
        return directive("cgi_max_processes", Integer.toString(processes));
    }

    /**
     * {@code cgi_queue_size N;}
     *
     * @param requests requests waiting for a process slot
     * @return this builder
     */
    default T cgiQueueSize(int requests) {
        return directive("cgi_queue_size", Integer.toString(requests));
    }

    /**
     * {@code cgi_queue_timeout T;}
     *
     * @param timeout how long a request waits for a slot
     * @return this builder
     */
    default T cgiQueueTimeout(Duration timeout) {
        return directive("cgi_queue_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code cgi_env NAME VALUE;}
     *
     * @param name an environment variable scripts get
     * @param value its value
     * @return this builder
     */
    default T cgiEnv(String name, String value) {
        return directive("cgi_env", name, value);
    }
}
