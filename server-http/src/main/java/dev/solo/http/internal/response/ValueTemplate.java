package dev.solo.http.internal.response;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.Request;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A config value with nginx variables in it ({@code https://$host$request_uri}), parsed once at start and expanded
 * per request. A value without variables expands to the same {@code String} every time, with no work.
 *
 * <p>Expanded values go into header fields ({@code Location}, {@code add_header}): every byte of a variable's value
 * outside visible ASCII (controls, space, DEL, non-ASCII) is percent-encoded, so a request path holding
 * {@code %0D%0A} cannot split the response, which is the classic nginx misconfiguration with {@code $uri}.
 */
public final class ValueTemplate {

    /** The variables a value may hold, by their nginx names. */
    enum Variable {
        /** {@code http} or {@code https}. */
        SCHEME("scheme"),
        /** The request's host, lower case, without port; the server's name when the request named none. */
        HOST("host"),
        /** The port the request arrived on. */
        SERVER_PORT("server_port"),
        /** The request's path and query as sent, still percent-encoded. */
        REQUEST_URI("request_uri"),
        /** The decoded, normalised path. */
        URI("uri"),
        /** The query string without {@code ?}, or empty. */
        ARGS("args"),
        /** The client's IP address. */
        REMOTE_ADDR("remote_addr");

        final String configName;

        Variable(String configName) {
            this.configName = configName;
        }

        static Variable lookup(String name) {
            for (Variable v : values()) {
                if (v.configName.equals(name)) {
                    return v;
                }
            }
            return null;
        }
    }

    /** Literal {@code String}s and {@link Variable}s in order. */
    private final Object[] parts;
    /** The whole value when it has no variables. */
    private final String constant;

    private ValueTemplate(Object[] parts, String constant) {
        this.parts = parts;
        this.constant = constant;
    }

    /**
     * @param text a value without variables
     * @return a template that always expands to it
     */
    public static ValueTemplate constant(String text) {
        return new ValueTemplate(new Object[] {text}, text);
    }

    /**
     * Parses {@code $name} and {@code ${name}} in one argument of a directive.
     *
     * @param directive the directive
     * @param index the argument
     * @return the template
     * @throws ConfigException for an unknown variable or a {@code $} without a name, at the argument's position
     */
    public static ValueTemplate parse(Directive directive, int index) throws ConfigException {
        String text = directive.arg(index);
        if (text.indexOf('$') < 0) {
            return constant(text);
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                literal.append(c);
                i++;
                continue;
            }
            boolean braced = i + 1 < text.length() && text.charAt(i + 1) == '{';
            int start = braced ? i + 2 : i + 1;
            int end = start;
            while (end < text.length() && isNameChar(text.charAt(end))) {
                end++;
            }
            if (end == start || (braced && (end >= text.length() || text.charAt(end) != '}'))) {
                throw directive.argError(index, "invalid variable name at '" + text.substring(i) + "'");
            }
            String name = text.substring(start, end).toLowerCase(Locale.ROOT);
            Variable variable = Variable.lookup(name);
            if (variable == null) {
                throw directive.argError(index, "unknown variable '$" + name + "'; known: " + Arrays.stream(
                        Variable.values()).map(v -> "$" + v.configName).toList());
            }
            if (literal.length() > 0) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(variable);
            i = braced ? end + 1 : end;
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return new ValueTemplate(parts.toArray(), null);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** @return whether the value holds no variables */
    public boolean isConstant() {
        return constant != null;
    }

    /**
     * @param request the request
     * @param serverName the name of the server block, for {@code $host} when the request named no host
     * @return the value with the request's variables filled in
     */
    public String expand(Request request, String serverName) {
        if (constant != null) {
            return constant;
        }
        StringBuilder out = new StringBuilder(64);
        for (Object part : parts) {
            if (part instanceof String) {
                out.append((String) part);
            } else {
                appendEscaped(out, value((Variable) part, request, serverName));
            }
        }
        return out.toString();
    }

    private static String value(Variable variable, Request request, String serverName) {
        switch (variable) {
            case SCHEME:
                return request.scheme();
            case HOST:
                String host = request.host();
                if (host != null && !host.isEmpty()) {
                    return host;
                }
                return !serverName.isEmpty() && !serverName.startsWith("*") ? serverName : address(request
                        .localAddress());
            case SERVER_PORT:
                return request.localAddress() == null ? "" : String.valueOf(request.localAddress().getPort());
            case REQUEST_URI:
                return request.query() == null ? request.rawPath() : request.rawPath() + "?" + request.query();
            case URI:
                return request.path();
            case ARGS:
                return request.query() == null ? "" : request.query();
            case REMOTE_ADDR:
                return address(request.remoteAddress());
            default:
                throw new IllegalStateException(variable.name());
        }
    }

    private static String address(InetSocketAddress address) {
        if (address == null || address.getAddress() == null) {
            return "";
        }
        return address.getAddress().getHostAddress();
    }

    /** Appends a variable's value, percent-encoding every byte that is not visible ASCII (RFC 9110 §5.5). */
    static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
            for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
            i = end - 1;
        }
    }
}
