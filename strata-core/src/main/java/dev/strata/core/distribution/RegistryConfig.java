package dev.strata.core.distribution;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach registries, as Docker's {@code daemon.json} says it: {@code insecure-registries} (hosts, or CIDR
 * ranges of their addresses, that may use plain HTTP or unverified TLS) and {@code registry-mirrors} (here per
 * registry host: pulls try each mirror in order, then the registry itself). Loopback hosts are insecure by
 * default, as in Docker. Immutable.
 */
public record RegistryConfig(List<String> insecureRegistries, Map<String, List<String>> mirrors) {
    public static final RegistryConfig DEFAULT = new RegistryConfig(List.of(), Map.of());

    public RegistryConfig {
        insecureRegistries = insecureRegistries.stream()
                .map(s -> s.contains("://") ? ServerKeys.host(s) : s.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, List<String>> byHost = new java.util.LinkedHashMap<>();
        mirrors.forEach((host, urls) -> byHost.put(ServerKeys.host(host), List.copyOf(urls)));
        mirrors = Map.copyOf(byHost);
    }

    /** The mirrors configured for this registry host, in order. */
    public List<String> mirrorsOf(String host) {
        return List.copyOf(mirrors.getOrDefault(host, List.of()));
    }

    /** Whether this {@code host[:port]} may be reached without verified TLS. */
    public boolean isInsecure(String hostAndPort) {
        String h = hostAndPort.toLowerCase(Locale.ROOT);
        if (insecureRegistries.contains(h) || isPlainHttpMirror(h)) {
            return true;
        }
        String host = hostOnly(h);
        if (host.equals("localhost") || insecureRegistries.contains(host)) {
            return true;
        }
        byte[] address = literal(host);
        if (address == null) {
            return false;
        }
        if (isLoopback(address)) {
            return true;
        }
        for (String entry : insecureRegistries) {
            if (entry.contains("/") && inCidr(address, entry)) {
                return true;
            }
        }
        return false;
    }

    /** A mirror configured as {@code http://host} is meant to be reached without TLS, as Docker takes it. */
    private boolean isPlainHttpMirror(String hostAndPort) {
        for (List<String> urls : mirrors.values()) {
            for (String url : urls) {
                if (url.toLowerCase(Locale.ROOT).startsWith("http://") && ServerKeys.host(url).equals(hostAndPort)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String hostOnly(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? hostAndPort : hostAndPort.substring(1, end);
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    /** The bytes of an IP literal, or null for a name (never resolved here: no DNS lookups to decide policy). */
    private static byte[] literal(String host) {
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isLoopback(byte[] address) {
        if (address.length == 4) {
            return address[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    private static boolean inCidr(byte[] address, String cidr) {
        int slash = cidr.indexOf('/');
        byte[] network = literal(cidr.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (network == null || network.length != address.length || bits < 0 || bits > address.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
