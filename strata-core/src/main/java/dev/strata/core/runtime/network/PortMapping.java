package dev.strata.core.runtime.network;

import dev.strata.core.StrataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One published port: connections to {@code hostIp:hostPort} on the host are forwarded to {@code containerPort}
 * in the container's network namespace. A {@code hostPort} of 0 means "any free port", chosen when the forward is
 * set up.
 *
 * @param hostIp an IPv4 or IPv6 literal, without brackets
 * @param protocol {@code tcp} or {@code udp}
 */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {
    /** Where published ports listen when the user names no address: never beyond this machine by accident. */
    public static final String DEFAULT_HOST_IP = "127.0.0.1";

    public PortMapping {
        if (hostIp == null || !IpLiterals.isValid(hostIp)) {
            throw new IllegalArgumentException("hostIp must be an IP address literal: " + hostIp);
        }
        if (hostPort < 0 || hostPort > 65535) {
            throw new IllegalArgumentException("hostPort out of range: " + hostPort);
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("containerPort out of range: " + containerPort);
        }
        if (!"tcp".equals(protocol) && !"udp".equals(protocol)) {
            throw new IllegalArgumentException("protocol must be tcp or udp: " + protocol);
        }
    }

    /**
     * Parses one {@code -p}/{@code --publish} value of {@code docker run}:
     * {@code [[IP:][HOSTPORT]:]CONTAINERPORT[/PROTO]}, where the ports may be ranges ({@code 8000-8001:9000-9001})
     * and an IPv6 address is written in brackets ({@code [::1]:80:80}). A range gives one mapping per port.
     *
     * @throws StrataException of kind {@code INVALID_ARGUMENT} with Docker's reason ("invalid containerPort: x",
     *     "invalid hostPort: x", "invalid IP address: x", "invalid proto: x", "invalid ranges specified ...")
     */
    public static List<PortMapping> parse(String publish) {
        if (publish == null) {
            throw invalid("null", "no port specified: <empty>");
        }
        String[] parts = splitParts(publish);
        String ip = parts[0];
        String hostPort = parts[1];
        String containerPart = parts[2];

        int slash = containerPart.indexOf('/');
        String containerPort = slash < 0 ? containerPart : containerPart.substring(0, slash);
        String proto = slash < 0 ? "tcp" : containerPart.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (containerPort.isEmpty()) {
            throw invalid(publish, "no port specified: " + publish + "<empty>");
        }
        if (proto.isEmpty()) {
            proto = "tcp";
        }
        switch (proto) {
            case "tcp", "udp" -> { }
            case "sctp" -> throw new StrataException(StrataException.Kind.UNSUPPORTED,
                    "cannot publish " + publish + ": sctp ports cannot be forwarded by slirp4netns; use tcp or udp");
            default -> throw invalid(publish, "invalid proto: " + proto);
        }

        if (ip.startsWith("[")) {
            if (!ip.endsWith("]") || ip.length() < 3) {
                throw invalid(publish, "invalid IP address " + ip);
            }
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!ip.isEmpty() && !IpLiterals.isValid(ip)) {
            throw invalid(publish, "invalid IP address: " + ip);
        }

        int[] container = range(containerPort);
        if (container == null || container[0] == 0) {
            throw invalid(publish, "invalid containerPort: " + containerPort);
        }
        int[] host = {0, 0};
        if (!hostPort.isEmpty()) {
            host = range(hostPort);
            if (host == null) {
                throw invalid(publish, "invalid hostPort: " + hostPort);
            }
            boolean sameLength = container[1] - container[0] == host[1] - host[0];
            if (!sameLength && container[0] != container[1]) {
                throw invalid(publish, "invalid ranges specified for container and host Ports: "
                        + containerPort + " and " + hostPort);
            }
            if (!sameLength) {
                // Docker reads "8000-8010:80" as "any free port of 8000-8010"; slirp4netns takes one port.
                throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot publish " + publish
                        + ": a range of host ports for one container port is not supported; name one host port");
            }
        }

        String hostIp = ip.isEmpty() ? DEFAULT_HOST_IP : ip;
        List<PortMapping> mappings = new ArrayList<>();
        for (int i = 0; i <= container[1] - container[0]; i++) {
            int hostNumber = host[0] == 0 ? 0 : host[0] + i;
            mappings.add(new PortMapping(hostIp, hostNumber, container[0] + i, proto));
        }
        return List.copyOf(mappings);
    }

    /** The host side as Docker prints it: {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
    public String hostAddress() {
        return (hostIp.contains(":") ? "[" + hostIp + "]" : hostIp) + ":" + hostPort;
    }

    /** This mapping with its host port decided (after a free one was picked for port 0). */
    public PortMapping withHostPort(int port) {
        return new PortMapping(hostIp, port, containerPort, protocol);
    }

    /** Docker's {@code docker port} line: {@code 80/tcp -> 127.0.0.1:8080}. */
    @Override
    public String toString() {
        return containerPort + "/" + protocol + " -> " + hostAddress();
    }

    /** IP, host port and container part, split on the last two colons as Docker does (IPv6 keeps its colons). */
    private static String[] splitParts(String raw) {
        int last = raw.lastIndexOf(':');
        if (last < 0) {
            return new String[] {"", "", raw};
        }
        int previous = raw.lastIndexOf(':', last - 1);
        if (previous < 0) {
            return new String[] {"", raw.substring(0, last), raw.substring(last + 1)};
        }
        return new String[] {raw.substring(0, previous), raw.substring(previous + 1, last), raw.substring(last + 1)};
    }

    /** {@code [start, end]} of "N" or "N-M" (decimal, 0..65535, start <= end), or null if malformed. */
    private static int[] range(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            int port = number(text);
            return port < 0 ? null : new int[] {port, port};
        }
        int start = number(text.substring(0, dash));
        int end = number(text.substring(dash + 1));
        return start < 0 || end < start ? null : new int[] {start, end};
    }

    private static int number(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int value = Integer.parseInt(text);
        return value > 65535 ? -1 : value;
    }

    private static StrataException invalid(String publish, String reason) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                "cannot publish " + publish + ": " + reason
                        + " (use [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp], such as 127.0.0.1:8080:80)");
    }
}
