package dev.solo.config.spi;

import java.util.List;

/** Test provider registered in META-INF/services, to check loading and ordering. */
public final class AlphaTestDirectives implements DirectiveProvider {
    @Override
    public List<DirectiveSpec> directives() {
        return List.of(DirectiveSpec.create("alpha", b -> b.contexts(DirectiveSpec.MAIN_CONTEXT)));
    }
}
