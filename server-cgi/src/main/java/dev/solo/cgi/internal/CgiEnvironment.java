package dev.solo.cgi.internal;

import dev.solo.http.Headers;
import dev.solo.http.Location;
import dev.solo.http.Request;
import dev.solo.http.TlsInfo;
import dev.solo.http.Session;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a script's environment: the meta-variables of RFC 3875 §4.1, one {@code HTTP_*} variable per request header
 * (§4.1.18), the usual extras (Apache's {@code SCRIPT_FILENAME}, {@code DOCUMENT_ROOT}, {@code REQUEST_URI}, and
 * {@code REDIRECT_STATUS} which php-cgi requires), and the session.
 *
 * <p>The environment starts empty: nothing of the server's own environment leaks to scripts except {@code PATH}.
 * Later entries win, in this order: {@code PATH}, {@code cgi_env}, session attributes, protocol variables, so that
 * configuration cannot fake what the request says.
 */
final class CgiEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(CgiEnvironment.class);

    /** The value of {@code SERVER_SOFTWARE}. */
    public static final String SERVER_SOFTWARE = "Solo";

    /** Prefix of the session variables; {@code SOLO_SESSION_ID} holds the id. */
    public static final String SESSION_PREFIX = "SOLO_SESSION_";

    /**
     * Request headers that do not become {@code HTTP_*} variables (lower case). Content-Type and Content-Length are
     * given as {@code CONTENT_TYPE} and {@code CONTENT_LENGTH} (RFC 3875 §4.1.18: "the server is not required to
     * create meta-variables for ... Content-Length and Content-Type"); {@code Proxy} would become
     * {@code HTTP_PROXY}, which many HTTP libraries read as their proxy setting (the "httpoxy" attack);
     * credentials are withheld as §4.1.18 advises ("SHOULD remove any header fields carrying authentication
     * information, such as 'Authorization'").
     */
    private static final Set<String> WITHHELD = Set.of(
            "content-type", "content-length", "proxy", "authorization", "proxy-authorization");

    private CgiEnvironment() {
    }

    /**
     * @param request the request
     * @param location the location that matched
     * @param match the script and path split
     * @param settings PATH and {@code cgi_env}
     * @param bodyLength the decoded body length, or -1 when the request has no body
     * @param session the visitor's session, if one exists
     * @return the variables, in a stable order
     */
    public static Map<String, String> build(Request request, Location location, ScriptMatch match,
                                            CgiSettings settings, long bodyLength, Optional<Session> session) {
        Map<String, String> env = new LinkedHashMap<>();
        if (settings.searchPath() != null) {
            put(env, "PATH", settings.searchPath());
        }
        settings.extraEnv().forEach((name, value) -> put(env, name, value));
        session.ifPresent(s -> putSession(env, s));
        putProtocol(env, request, location, match, bodyLength);
        putHeaders(env, request.headers());
        return env;
    }

    private static void putProtocol(Map<String, String> env, Request request, Location location, ScriptMatch match,
                                    long bodyLength) {
        // RFC 3875 §4.1.1-§4.1.17, in the RFC's order.
        if (bodyLength >= 0) {
            put(env, "CONTENT_LENGTH", Long.toString(bodyLength));
        }
        String contentType = request.headers().get("Content-Type");
        if (contentType != null) {
            put(env, "CONTENT_TYPE", contentType);
        }
        put(env, "GATEWAY_INTERFACE", "CGI/1.1");
        // §4.1.5: PATH_INFO is not URL-encoded; empty when the script is the whole path.
        put(env, "PATH_INFO", match.pathInfo());
        Optional<Path> root = location.root();
        if (!match.pathInfo().isEmpty() && root.isPresent()) {
            // §4.1.6: PATH_INFO mapped like a URL path onto the document tree (Apache: DOCUMENT_ROOT + PATH_INFO).
            // The request path holds no dot segments, so the result stays under the root.
            put(env, "PATH_TRANSLATED", root.get().resolve(match.pathInfo().substring(1)).normalize().toString());
        }
        put(env, "QUERY_STRING", request.query() == null ? "" : request.query());
        InetSocketAddress remote = request.remoteAddress();
        String remoteAddress = hostAddress(remote);
        put(env, "REMOTE_ADDR", remoteAddress);
        // §4.1.9: without a reverse lookup (which would block the loop), REMOTE_HOST is the address.
        put(env, "REMOTE_HOST", remoteAddress);
        put(env, "REMOTE_PORT", remote == null ? "" : Integer.toString(remote.getPort()));
        put(env, "REQUEST_METHOD", request.methodToken());
        put(env, "SCRIPT_NAME", match.scriptName());
        put(env, "SERVER_NAME", serverName(request, location));
        InetSocketAddress local = request.localAddress();
        put(env, "SERVER_PORT", local == null ? "" : Integer.toString(local.getPort()));
        put(env, "SERVER_PROTOCOL", request.version().text());
        put(env, "SERVER_SOFTWARE", SERVER_SOFTWARE);
        // Common extensions beyond the RFC, which PHP and many scripts expect.
        put(env, "SCRIPT_FILENAME", match.script().toString());
        root.ifPresent(r -> put(env, "DOCUMENT_ROOT", r.toAbsolutePath().normalize().toString()));
        String query = request.query();
        put(env, "REQUEST_URI", query == null ? request.rawPath() : request.rawPath() + '?' + query);
        // php-cgi refuses to run (cgi.force_redirect) unless the server vouches for the request with this.
        put(env, "REDIRECT_STATUS", "200");
        put(env, "REQUEST_SCHEME", request.scheme());
        putTls(env, request.tls());
    }

    /** mod_ssl's names, which PHP ($_SERVER['HTTPS']) and most frameworks read to know a request is secure. */
    private static void putTls(Map<String, String> env, TlsInfo tls) {
        if (tls == null) {
            return;
        }
        put(env, "HTTPS", "on");
        put(env, "SSL_PROTOCOL", tls.protocol());
        put(env, "SSL_CIPHER", tls.cipher());
        if (tls.serverName() != null) {
            put(env, "SSL_TLS_SNI", tls.serverName());
        }
        put(env, "SSL_CLIENT_VERIFY", tls.clientVerify());
        if (tls.clientSubject() != null) {
            put(env, "SSL_CLIENT_S_DN", tls.clientSubject());
        }
    }

    private static void putHeaders(Map<String, String> env, Headers headers) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String lower = name.toLowerCase(Locale.ROOT);
            if (WITHHELD.contains(lower)) {
                continue;
            }
            if (!isPlainName(name)) {
                // "X_Forwarded_For" and "X-Forwarded-For" would both become HTTP_X_FORWARDED_FOR; a client could
                // then forge a header a proxy set. Apache and nginx drop such names for the same reason.
                LOG.debug("Header '{}' not passed to CGI: only letters, digits and '-' map to HTTP_*", name);
                continue;
            }
            String variable = "HTTP_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
            // §4.1.18: repeated fields are joined as HTTP joins list fields; cookies use "; " (RFC 6265 §5.4).
            String separator = "cookie".equals(lower) ? "; " : ", ";
            joined.merge(variable, headers.value(i), (a, b) -> a + separator + b);
        }
        joined.forEach((name, value) -> put(env, name, value));
    }

    private static void putSession(Map<String, String> env, Session session) {
        session.attributes().forEach((name, value) -> put(env, SESSION_PREFIX + environmentSafe(name), value));
        put(env, SESSION_PREFIX + "ID", session.id());
    }

    private static String serverName(Request request, Location location) {
        // §4.1.14: the name of the host the request is directed to, as the client named it (Host or absolute target).
        if (request.host() != null && !request.host().isEmpty()) {
            return request.host();
        }
        if (!location.serverName().isEmpty()) {
            return location.serverName();
        }
        return hostAddress(request.localAddress());
    }

    private static String hostAddress(InetSocketAddress address) {
        if (address == null) {
            return "";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    private static boolean isPlainName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '-' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** Session attribute names keep their case ({@code count} gives {@code SOLO_SESSION_count}). */
    static String environmentSafe(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            safe.append(ok ? c : '_');
        }
        return safe.toString();
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value.indexOf('\0') >= 0) {
            // The OS cannot pass NUL in an environment string (ProcessBuilder would throw).
            LOG.debug("CGI variable {} dropped: its value holds NUL", name);
            return;
        }
        env.put(name, value);
    }
}
