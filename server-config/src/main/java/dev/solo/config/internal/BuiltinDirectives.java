package dev.solo.config.internal;

import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;

import java.util.List;

/**
 * The directives the config module itself understands: only {@code include}. The parser expands
 * {@code include} while reading, but the registry must still know the name (so it is never
 * "unknown" and no other provider can claim it).
 */
public final class BuiltinDirectives implements DirectiveProvider {

    /** The name of the include directive. */
    public static final String INCLUDE = "include";

    private static final List<DirectiveSpec> SPECS = List.of(
            DirectiveSpec.create(INCLUDE, b -> b.anyContext().args(1).repeatable(true)));

    /**
     * Returns the built-in specs.
     *
     * @return the {@code include} spec
     */
    @Override
    public List<DirectiveSpec> directives() {
        return SPECS;
    }

    /**
     * Names this provider in duplicate-name messages.
     *
     * @return {@code "built-in"}
     */
    @Override
    public String name() {
        return "built-in";
    }
}
