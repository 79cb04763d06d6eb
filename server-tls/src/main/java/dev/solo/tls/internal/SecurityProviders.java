package dev.solo.tls.internal;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import javax.net.ssl.SSLContext;

/**
 * {@code ssl_provider NAME;}: which Java Cryptography Architecture provider makes the {@code SSLContext}s. {@code jdk}
 * (the default) is the JDK's own (SunJSSE); any other name is looked up among the {@code java.security.Provider}
 * services of the modules on the module path (the JDK's own modules excepted), by the provider's name, ignoring case:
 * {@code conscrypt} is module {@code dev.solo.tls.conscrypt}. So a provider is a module that {@code provides
 * java.security.Provider}, with no interface of Solo's to implement.
 *
 * <p>Looking a provider up makes one {@code SSLContext} from it, which for Conscrypt loads its native library: that
 * happens when the config is validated ({@code solo --check} included), so a provider that is missing or cannot load
 * is a config error at the directive, not a failure at the first handshake.
 */
final class SecurityProviders {

    /** The value that keeps the JDK's provider. */
    static final String JDK = "jdk";

    /** The module that provides Conscrypt, named in the error when it is missing. */
    private static final String CONSCRYPT_MODULE = "dev.solo.tls.conscrypt";

    private SecurityProviders() {
    }

    /**
     * @param directive an {@code ssl_provider} directive
     * @return the provider it names, or null for {@code jdk}
     * @throws ConfigException at the argument when no such provider is installed, it fails to load (no native library
     *                         for this platform) or it has no TLS {@code SSLContext}
     */
    static Provider named(Directive directive) throws ConfigException {
        String name = directive.arg(0);
        if (name.equalsIgnoreCase(JDK)) {
            return null;
        }
        List<String> found = new ArrayList<>(List.of(JDK));
        Iterator<ServiceLoader.Provider<Provider>> candidates = installed().stream().iterator();
        while (candidates.hasNext()) {
            ServiceLoader.Provider<Provider> candidate = candidates.next();
            Module module = candidate.type().getModule();
            if (isJdks(module)) {
                continue; // SunEC, SunPKCS11...: registered with java.security already, not TLS engines
            }
            Provider provider;
            try {
                provider = candidate.get();
            } catch (ServiceConfigurationError | LinkageError e) {
                throw cannotLoad(directive, name, module, candidate.type(), e);
            }
            if (!provider.getName().equalsIgnoreCase(name)) {
                found.add(provider.getName().toLowerCase(Locale.ROOT));
                continue;
            }
            if (provider.getService("SSLContext", "TLS") == null) {
                throw directive.argError(0, "ssl_provider " + name + ": the provider '" + provider.getName()
                        + "' has no TLS SSLContext");
            }
            try {
                // The first context loads what the provider needs (Conscrypt: its native library), here rather
                // than when the site is built or the first client comes.
                SSLContext.getInstance("TLS", provider);
            } catch (GeneralSecurityException | LinkageError | RuntimeException e) {
                throw cannotLoad(directive, name, module, candidate.type(), e);
            }
            return provider;
        }
        if (name.equalsIgnoreCase("conscrypt")) {
            throw directive.argError(0, "ssl_provider " + name + ": module " + CONSCRYPT_MODULE
                    + " (server-tls-conscrypt) is not on the module path");
        }
        throw directive.argError(0, "ssl_provider " + name + ": no security provider of that name on the module path"
                + " (installed: " + String.join(", ", found) + ")");
    }

    private static ConfigException cannotLoad(Directive directive, String name, Module module, Class<?> type,
            Throwable e) {
        String where = module.isNamed() ? "module " + module.getName() : type.getName();
        return directive.argError(0, "ssl_provider " + name + ": the provider in " + where
                + " cannot be loaded on this platform (" + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "): " + rootMessage(e) + "; use ssl_provider jdk");
    }

    /** The module layer's providers when on the module path, the class path's otherwise (as HttpService does). */
    private static ServiceLoader<Provider> installed() {
        ModuleLayer layer = SecurityProviders.class.getModule().getLayer();
        return layer != null ? ServiceLoader.load(layer, Provider.class) : ServiceLoader.load(Provider.class);
    }

    private static boolean isJdks(Module module) {
        if (!module.isNamed()) {
            return false;
        }
        String name = module.getName();
        return name.startsWith("java.") || name.startsWith("jdk.");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
    }
}
