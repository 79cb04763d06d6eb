package dev.solo.session.internal.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where a Redis server is and how to log in to it, from {@code redis://[[USER]:PASSWORD@]HOST:PORT[/DB]} (the
 * scheme Redis clients share; characters outside the URI syntax in the password are percent-encoded).
 *
 * @param host the host name or address literal ({@code [::1]} for IPv6)
 * @param port the TCP port
 * @param user the ACL user (Redis 6+), or null for the default user
 * @param password the password, or null for none
 * @param database the database number, 0 by default
 */
public record RedisAddress(String host, int port, String user, String password, int database) {

    /** The highest database number accepted (Redis has 16 by default; the server says whether one exists). */
    private static final int MAX_DATABASE = 1 << 16;

    /**
     * Checks the components.
     *
     * @param host the host name or address literal
     * @param port the TCP port
     * @param user the ACL user, or null for the default user
     * @param password the password, or null for none
     * @param database the database number
     */
    public RedisAddress {
        Objects.requireNonNull(host, "host");
    }

    /**
     * @param text e.g. {@code redis://:secret@10.0.0.5:6379/1}
     * @return the address
     * @throws IllegalArgumentException when the text is not such a URL; the message says what is wrong and never
     *         repeats the password
     */
    public static RedisAddress parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL of the form redis://[:PASSWORD@]HOST:PORT[/DB]");
        }
        if (!"redis".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the URL must start with redis:// (TLS, rediss://, is not supported)");
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("the URL needs a host and a port: redis://HOST:PORT");
        }
        String user = null;
        String password = null;
        String info = uri.getUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("write the password after a colon: redis://:PASSWORD@HOST:PORT");
            }
            user = colon == 0 ? null : info.substring(0, colon);
            password = info.substring(colon + 1);
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                database = -1;
            }
            if (database < 0 || database > MAX_DATABASE) {
                throw new IllegalArgumentException("the database is a number after the port: redis://HOST:PORT/0");
            }
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("the URL takes no query or fragment");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new RedisAddress(host, uri.getPort(), user, password, database);
    }

    /**
     * Leaves the password out: addresses go to logs.
     *
     * @return e.g. {@code redis://10.0.0.5:6379/1}
     */
    @Override
    public String toString() {
        String literal = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "redis://" + literal + ":" + port + (database == 0 ? "" : "/" + database);
    }
}
