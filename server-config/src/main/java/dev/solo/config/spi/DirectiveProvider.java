package dev.solo.config.spi;

import java.util.List;

/**
 * ServiceLoader entry through which a module declares the configuration directives it understands.
 *
 * <p>Implementations must be stateless and have a public no-argument constructor. Register one in
 * {@code module-info.java} with {@code provides dev.solo.config.spi.DirectiveProvider with ...;}
 * and, for class-path runs, in {@code META-INF/services/dev.solo.config.spi.DirectiveProvider}.
 *
 * <pre>{@code
 * public final class SessionDirectives implements DirectiveProvider {
 *     public List<DirectiveSpec> directives() {
 *         return List.of(
 *             DirectiveSpec.create("session_timeout", b -> b.contexts("server", "location").args(1)
 *                     .check(ArgumentChecks.duration(0))));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DirectiveProvider {

    /**
     * The directives this provider declares. Called once when the registry is built.
     *
     * @return the specs; names must be unique across all providers (a name declared twice is a config error)
     */
    List<DirectiveSpec> directives();

    /**
     * A name for this provider in error messages, such as a provider whose directives are null (a directive declared
     * twice names the providers by module and class instead, see {@link Plugins}).
     *
     * @return by default the simple name of the implementing class
     */
    default String name() {
        return getClass().getSimpleName();
    }
}
