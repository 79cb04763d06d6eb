package dev.solo.config.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.config.DirectiveRegistry;
import dev.solo.config.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginsTest {

    private static final SourcePosition CONFIG = SourcePosition.ofFile(Path.of("solo.conf"));

    /** A provider of the test class path whose name is given. */
    private static final class Named {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    /** A second test class, to tell two providers of one class path entry apart. */
    private static final class OtherNamed {
    }

    /** Names a test provider by its field and a JDK string (a provider from module java.base) by its value. */
    private static String nameOf(Object provider) {
        return provider instanceof Named ? ((Named) provider).name() : provider.toString();
    }

    @Test
    void loadsRegisteredProvidersOrderedByClassName() {
        List<DirectiveProvider> providers = Plugins.load(DirectiveProvider.class);

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

    @Test
    void indexesProvidersByNameSortedByName() throws ConfigException {
        Named cgi = new Named("cgi");
        Named upload = new Named("upload");
        Named markdown = new Named("markdown");

        Map<String, Named> byName = Plugins.byName("handler type", List.of(upload, cgi, markdown), Named::name, CONFIG);

        assertEquals(List.of("cgi", "markdown", "upload"), List.copyOf(byName.keySet()));
        assertEquals(markdown, byName.get("markdown"));
    }

    @Test
    void twoModulesWithOneNameAreAWholeConfigErrorNamingBothModulesAndClasses() {
        List<Object> providers = List.of(new Named("cgi"), "cgi");

        ConfigException e = assertThrows(ConfigException.class,
                () -> Plugins.byName("handler type", providers, PluginsTest::nameOf, CONFIG));

        assertEquals("solo.conf: two modules provide the handler type \"cgi\": the class path entry test-classes"
                + " (dev.solo.config.spi.PluginsTest$Named) and java.base (java.lang.String)", e.getMessage());
        assertEquals(CONFIG, e.errors().get(0).position());
    }

    @Test
    void oneModuleProvidingANameTwiceIsAnErrorNamingBothClasses() {
        List<Object> providers = List.of(new Named("static"), new Named("cgi"), new Named("static"));

        ConfigException e = assertThrows(ConfigException.class,
                () -> Plugins.byName("handler type", providers, PluginsTest::nameOf, CONFIG));

        assertEquals("solo.conf: the class path entry test-classes provides the handler type \"static\" twice:"
                + " dev.solo.config.spi.PluginsTest$Named and dev.solo.config.spi.PluginsTest$Named", e.getMessage());
    }

    @Test
    void aNameClaimedAmongSeveralByTwoProvidersIsAnError() {
        DirectiveProvider web = () -> List.of(DirectiveSpec.create("root", b -> b.contexts("main").args(1)),
                DirectiveSpec.create("listen", b -> b.contexts("main").args(1)));
        DirectiveProvider other = () -> List.of(DirectiveSpec.create("listen", b -> b.contexts("main").args(1)));

        ConfigException e = assertThrows(ConfigException.class, () -> Plugins.byEachName("directive",
                List.of(web, other), p -> p.directives().stream().map(DirectiveSpec::name).toList(), CONFIG));

        assertTrue(e.getMessage().startsWith("solo.conf: the class path entry test-classes provides the directive"
                + " \"listen\" twice: dev.solo.config.spi.PluginsTest$$Lambda"), e.getMessage());
    }

    @Test
    void atMostOneIsEmptyWithoutProvidersAndTheProviderWithOne() throws ConfigException {
        Named tls = new Named("tls");

        assertEquals(Optional.empty(), Plugins.atMostOne("TLS module", List.of(), CONFIG));
        assertEquals(Optional.of(tls), Plugins.atMostOne("TLS module", List.of(tls), CONFIG));
    }

    @Test
    void twoProvidersOfWhichAtMostOneMayBeInstalledAreAnErrorNamingBoth() {
        List<Object> providers = List.of(new OtherNamed(), "jdk");

        ConfigException e = assertThrows(ConfigException.class,
                () -> Plugins.atMostOne("TLS module", providers, CONFIG));

        assertEquals("solo.conf: two modules provide the TLS module: the class path entry test-classes"
                + " (dev.solo.config.spi.PluginsTest$OtherNamed) and java.base (java.lang.String);"
                + " at most one may be installed", e.getMessage());
    }

    @Test
    void originNamesTheModuleAndTheClass() {
        assertEquals("java.base (java.lang.String)", Plugins.origin("a provider"));
        assertEquals("the class path entry test-classes (dev.solo.config.spi.AlphaTestDirectives)",
                Plugins.origin(new AlphaTestDirectives()));
    }
}
