package dev.solo.config.spi;

import java.util.List;

/** Test provider registered in META-INF/services before {@link AlphaTestDirectives}, to check ordering. */
public final class ZetaTestDirectives implements DirectiveProvider {
    @Override
    public List<DirectiveSpec> directives() {
        return List.of(DirectiveSpec.create("zeta", b -> b.contexts(DirectiveSpec.MAIN_CONTEXT)));
    }
}
