package dev.solo.tls.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.Directive;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code ssl_provider} as this module sees it alone: Conscrypt's module is not on its test class path. */
class SecurityProvidersTest {

    private static Directive directive(String text) throws ConfigException {
        return ConfigParser.parse(text, Path.of("solo.conf")).directives("ssl_provider").get(0);
    }

    @Test
    void jdkKeepsTheJdksOwnProvider() throws Exception {
        assertNull(SecurityProviders.named(directive("ssl_provider jdk;\n")));
        assertNull(SecurityProviders.named(directive("ssl_provider JDK;\n")));
    }

    @Test
    void conscryptWithoutItsModuleIsAnErrorThatNamesTheModule() throws Exception {
        Directive directive = directive("ssl_provider conscrypt;\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SecurityProviders.named(directive));
        assertTrue(e.getMessage().contains("solo.conf:1:14: ssl_provider conscrypt: module dev.solo.tls.conscrypt "
                + "(server-tls-conscrypt) is not on the module path"), e.getMessage());
    }

    @Test
    void anUnknownNameListsTheInstalledProvidersAndSkipsTheJdksOwnModules() throws Exception {
        // SunJSSE is a JDK provider: it is what "jdk" means, not a name to look up.
        for (String name : new String[] {"bouncycastle", "SunJSSE"}) {
            Directive directive = directive("ssl_provider " + name + ";\n");
            ConfigException e = assertThrows(ConfigException.class, () -> SecurityProviders.named(directive));
            assertTrue(e.getMessage().contains("ssl_provider " + name + ": no security provider of that name on "
                    + "the module path (installed: jdk)"), e.getMessage());
        }
    }
}
