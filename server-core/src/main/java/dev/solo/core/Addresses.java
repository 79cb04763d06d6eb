package dev.solo.core;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Formats socket addresses the way users write them in a config file: {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
public final class Addresses {

    private Addresses() {
    }

    /**
     * @param address an address with a resolved or wildcard host
     * @return {@code host:port}, with IPv6 hosts in brackets and the wildcard as {@code *}
     */
    public static String format(InetSocketAddress address) {
        if (address.getAddress() == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        if (address.getAddress().isAnyLocalAddress()) {
            return "*:" + address.getPort();
        }
        String host = address.getAddress().getHostAddress();
        if (address.getAddress() instanceof Inet6Address) {
            int zone = host.indexOf('%');
            return "[" + (zone < 0 ? host : host.substring(0, zone)) + "]:" + address.getPort();
        }
        return host + ":" + address.getPort();
    }
}
