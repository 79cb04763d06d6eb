package dev.solo.app;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Files and request bodies, allowed at every level and inherited downward like nginx settings: {@code root},
 * {@code index}, {@code autoindex}, {@code client_max_body_size}, {@code error_page}.
 *
 * @param <T> the builder, returned for chaining
 */
public interface FileSettings<T> extends Settings<T> {

    /**
     * {@code root DIR;} the directory request paths map into.
     *
     * @param directory an existing directory; relative to the working directory
     * @return this builder
     */
    default T root(Path directory) {
        return directive("root", Emitted.path(directory));
    }

    /**
     * {@code index NAME...;} the files a directory request serves.
     *
     * @param names file names, tried in order
     * @return this builder
     */
    default T index(String... names) {
        return directive("index", names);
    }

    /**
     * {@code autoindex on|off;} directory listings.
     *
     * @param on whether directories without an index file are listed
     * @return this builder
     */
    default T autoindex(boolean on) {
        return directive("autoindex", Emitted.flag(on));
    }

    /**
     * {@code client_max_body_size N;} the largest request body, in bytes; larger ones are answered 413.
     *
     * @param bytes the limit
     * @return this builder
     */
    default T clientMaxBodySize(long bytes) {
        return directive("client_max_body_size", Long.toString(bytes));
    }

    /**
     * {@code error_page CODE... URI;} a page of the site served for these statuses.
     *
     * @param uri the page's path in the site, e.g. {@code /errors/404.html}
     * @param statuses the statuses it answers
     * @return this builder
     */
    default T errorPage(String uri, int... statuses) {
        String[] args = new String[statuses.length + 1];
        Arrays.setAll(args, i -> i < statuses.length ? Integer.toString(statuses[i]) : uri);
        return directive("error_page", args);
    }
}
