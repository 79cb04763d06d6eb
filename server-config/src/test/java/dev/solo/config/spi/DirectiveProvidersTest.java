package dev.solo.config.spi;

import dev.solo.config.DirectiveRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectiveProvidersTest {

    @Test
    void loadsRegisteredProvidersOrderedByClassName() {
        List<DirectiveProvider> providers = DirectiveProviders.load();

        assertEquals(List.of(AlphaTestDirectives.class, ZetaTestDirectives.class),
                providers.stream().map(Object::getClass).toList());
    }

    @Test
    void registryLoadKnowsDirectivesOfLoadedProviders() {
        DirectiveRegistry registry = DirectiveRegistry.load();

        assertTrue(registry.knownNames().containsAll(List.of("alpha", "zeta", "include")));
    }

    @Test
    void providerNameDefaultsToSimpleClassName() {
        assertEquals("ZetaTestDirectives", new ZetaTestDirectives().name());
    }
}
