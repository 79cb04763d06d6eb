package dev.solo.http.internal.config;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Parses the address of {@code listen [HOST:]PORT [default_server] [reuseport];}: HOST is an IPv4 literal, {@code [IPv6]}, {@code localhost} or {@code *}. */
final class ListenAddress {

    private ListenAddress() {
    }

    static InetSocketAddress parse(Directive listen) throws ConfigException {
        String text = listen.arg(0);
        String host = null;
        String port = text;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw listen.argError(0, "expected [IPv6]:PORT, got '" + text + "'");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else if (text.indexOf(':') >= 0) {
            int colon = text.lastIndexOf(':');
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        int number = parsePort(listen, port);
        if (host == null || host.equals("*")) {
            return new InetSocketAddress(number);
        }
        if (!host.equals("localhost") && !isLiteral(host)) {
            throw listen.argError(0, "listen takes an IP address or 'localhost', not a host name: '" + host + "'");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), number);
        } catch (UnknownHostException e) {
            throw listen.argError(0, "cannot resolve '" + host + "'");
        }
    }

    private static int parsePort(Directive listen, String port) throws ConfigException {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw listen.argError(0, "invalid port '" + port + "'");
        }
        int number = Integer.parseInt(port);
        if (number > 65535) {
            throw listen.argError(0, "port " + number + " is out of range (0-65535)");
        }
        return number;
    }

    private static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
