package dev.solo.http.internal.response;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.HeaderName;
import dev.solo.http.spi.LocationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Resolves the {@link ResponseDirectives} of one location into its {@link ResponsePolicy}, nginx's inheritance. */
public final class PolicyBuilder {

    private PolicyBuilder() {
    }

    /**
     * @param location the location's directives, with inheritance
     * @return the policy
     * @throws ConfigException for an invalid value, with its position
     */
    public static ResponsePolicy build(LocationContext location) throws ConfigException {
        // add_header inherits as a group, as nginx does: a level with its own add_header drops the inherited ones.
        List<AddedHeader> headers = new ArrayList<>();
        for (Directive d : location.inheritedAll("add_header")) {
            checkAddHeader(d);
            headers.add(new AddedHeader(d.arg(0), ValueTemplate.parse(d, 1), d.argCount() == 3));
        }
        Optional<Directive> expires = location.inherited("expires");
        Expiry expiry = expires.isPresent() ? Expiry.parse(expires.get()) : Expiry.OFF;
        GzipSettings gzip = new GzipSettings(flag(location, "gzip", false), types(location),
                location.inherited("gzip_min_length").isPresent()
                        ? location.inherited("gzip_min_length").get().sizeArg(0) : GzipSettings.DEFAULT_MIN_LENGTH,
                location.inherited("gzip_comp_level").isPresent()
                        ? location.inherited("gzip_comp_level").get().intArg(0) : GzipSettings.DEFAULT_LEVEL,
                flag(location, "gzip_vary", true));
        return new ResponsePolicy(headers, expiry, flag(location, "etag", true), gzip,
                location.location().serverName());
    }

    /**
     * @param location the location's directives
     * @param name a flag directive
     * @param fallback its value when set nowhere
     * @return the flag
     * @throws ConfigException when it is neither on nor off
     */
    public static boolean flag(LocationContext location, String name, boolean fallback) throws ConfigException {
        Optional<Directive> d = location.inherited(name);
        return d.isPresent() ? d.get().flagArg(0) : fallback;
    }

    private static List<String> types(LocationContext location) {
        Optional<Directive> d = location.inherited("gzip_types");
        if (d.isEmpty()) {
            return GzipSettings.DEFAULT_TYPES;
        }
        List<String> types = new ArrayList<>();
        types.add("text/html");
        for (int i = 0; i < d.get().argCount(); i++) {
            String type = d.get().arg(i).toLowerCase(Locale.ROOT);
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        return List.copyOf(types);
    }

    static void checkTypes(Directive d) throws ConfigException {
        for (int i = 0; i < d.argCount(); i++) {
            String type = d.arg(i);
            int slash = type.indexOf('/');
            if (!type.equals("*") && (slash <= 0 || slash == type.length() - 1 || !isToken(type.substring(0, slash))
                    || !isToken(type.substring(slash + 1)))) {
                throw d.argError(i, "gzip_types takes media types such as text/css (or *), not '" + type + "'");
            }
        }
    }

    /** {@code add_header NAME VALUE [always]}: a token name the server does not decide itself, a sendable value. */
    static void checkAddHeader(Directive d) throws ConfigException {
        String name = d.arg(0);
        if (!isToken(name)) {
            throw d.argError(0, "'" + name + "' is not a valid header field name");
        }
        HeaderName known = HeaderName.lookup(name);
        if (known == HeaderName.CONTENT_LENGTH || known == HeaderName.TRANSFER_ENCODING
                || known == HeaderName.CONNECTION || known == HeaderName.DATE || known == HeaderName.SERVER
                || known == HeaderName.CONTENT_ENCODING) {
            throw d.argError(0, "the server sets " + known.canonical() + " itself; add_header cannot");
        }
        String value = d.arg(1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw d.argError(1, "a header value must not hold control characters (CR, LF, NUL...)");
            }
        }
        ValueTemplate.parse(d, 1);
        if (d.argCount() == 3 && !d.arg(2).equals("always")) {
            throw d.argError(2, "expected 'always', got '" + d.arg(2) + "'");
        }
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // tchar (RFC 9110 §5.6.2)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
