package dev.solo.app;

/**
 * What every builder level can write: one config directive, by name. The typed methods of the other settings
 * interfaces are written in terms of it, and it is the way to set a third-party module's directives, such as
 * {@code markdown on;}.
 *
 * @param <T> the builder, returned for chaining
 */
public interface Settings<T> {

    /**
     * Adds a directive exactly as a config file would say it at this level; it is validated with the rest when
     * {@link SoloBuilder#build()} runs. Write path arguments absolute: there is no config file to resolve them against.
     *
     * @param name the directive's name, e.g. {@code markdown}
     * @param args its arguments, e.g. {@code on}
     * @return this builder
     */
    T directive(String name, String... args);
}
