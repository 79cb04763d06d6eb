package dev.solo.tls.internal;

import static dev.solo.config.spi.ArgumentChecks.duration;
import static dev.solo.config.spi.ArgumentChecks.existingFile;
import static dev.solo.config.spi.ArgumentChecks.flag;
import static dev.solo.config.spi.ArgumentChecks.oneOf;

import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import java.util.List;

/**
 * The {@code ssl_*} directives, with nginx's names, contexts and arguments. Their meaning is read by
 * {@link TlsSettings} when the site is built; here only their shape is checked.
 */
public final class TlsDirectives implements DirectiveProvider {

    private static final String MAIN = DirectiveSpec.MAIN_CONTEXT;
    private static final String SERVER = "server";

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public TlsDirectives() {
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                // Repeatable: one server may hold an RSA and an ECDSA pair; the client's capabilities choose.
                DirectiveSpec.create("ssl_certificate",
                        b -> b.contexts(MAIN, SERVER).args(1).repeatable(true).check(existingFile(0))),
                DirectiveSpec.create("ssl_certificate_key",
                        b -> b.contexts(MAIN, SERVER).args(1).repeatable(true).check(existingFile(0))),
                DirectiveSpec.create("ssl_protocols", b -> b.contexts(MAIN, SERVER).argsAtLeast(1)),
                DirectiveSpec.create("ssl_ciphers", b -> b.contexts(MAIN, SERVER).args(1)),
                DirectiveSpec.create("ssl_prefer_server_ciphers",
                        b -> b.contexts(MAIN, SERVER).args(1).check(flag(0))),
                DirectiveSpec.create("ssl_session_timeout",
                        b -> b.contexts(MAIN, SERVER).args(1).check(duration(0))),
                DirectiveSpec.create("ssl_session_tickets", b -> b.contexts(MAIN, SERVER).args(1).check(flag(0))),
                DirectiveSpec.create("ssl_client_certificate",
                        b -> b.contexts(MAIN, SERVER).args(1).check(existingFile(0))),
                DirectiveSpec.create("ssl_verify_client",
                        b -> b.contexts(MAIN, SERVER).args(1).check(oneOf(0, "on", "optional", "off"))),
                // Not nginx's (nginx has one TLS library, chosen when it is built): which JCA provider makes the
                // SSLContexts, for the whole site since the loop's TLS buffers are sized by its engines. Looking the
                // provider up here makes a missing module or native library an error of validation (solo --check).
                DirectiveSpec.create("ssl_provider",
                        b -> b.contexts(MAIN).args(1).check(SecurityProviders::named)));
    }
}
