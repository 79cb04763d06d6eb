package dev.solo.app;

import dev.solo.http.Method;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a server or a location answers: {@code methods}, {@code return}, {@code upload}, {@code upload_store}.
 *
 * @param <T> the builder, returned for chaining
 */
public interface RouteSettings<T> extends Settings<T> {

    /**
     * {@code methods M...;} the methods answered; others get 405 with {@code Allow}.
     *
     * @param methods the methods
     * @return this builder
     */
    default T methods(Method... methods) {
        return directive("methods", Arrays.stream(methods).map(Method::token).toArray(String[]::new));
    }

    /**
     * {@code return CODE;}
     *
     * @param status the status answered to every request
     * @return this builder
     */
    default T returnStatus(int status) {
        return directive("return", Integer.toString(status));
    }

    /**
     * {@code return CODE TEXT|URL;} a redirect (3xx with a URL) or a text body.
     *
     * @param status the status
     * @param textOrUrl the body, or the redirect's target (variables such as {@code $request_uri} allowed)
     * @return this builder
     */
    default T returnStatus(int status, String textOrUrl) {
        return directive("return", Integer.toString(status), textOrUrl);
    }

    /**
     * {@code upload on|off;} POST and PUT store files, DELETE removes them (location only: never inherited).
     *
     * @param on whether writes are taken
     * @return this builder
     */
    default T upload(boolean on) {
        return directive("upload", Emitted.flag(on));
    }

    /**
     * {@code upload_store DIR;} where uploads go instead of the directory the path maps to.
     *
     * @param directory an existing directory
     * @return this builder
     */
    default T uploadStore(Path directory) {
        return directive("upload_store", Emitted.path(directory));
    }
}
