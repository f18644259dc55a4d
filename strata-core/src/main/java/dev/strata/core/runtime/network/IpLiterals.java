package dev.strata.core.runtime.network;

import java.net.InetAddress;
import java.util.regex.Pattern;

/** Checks of IP address literals, never by a name lookup. Stateless. */
final class IpLiterals {
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private IpLiterals() {}

    /** Whether {@code text} is an IPv4 address in dotted-quad form (no octal, no short forms) or an IPv6 address. */
    static boolean isValid(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    static boolean isIpv4(String text) {
        return DOTTED_QUAD.matcher(text).matches();
    }

    static boolean isIpv6(String text) {
        if (!text.contains(":") || text.contains("%") || text.contains("[")) {
            return false;
        }
        try {
            InetAddress.ofLiteral(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
