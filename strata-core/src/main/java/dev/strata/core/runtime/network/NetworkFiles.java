package dev.strata.core.runtime.network;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of a container's {@code /etc/hosts} and {@code /etc/resolv.conf} (or the host's, as read by
 * {@link #readHost}), as Docker lays them out.
 */
public record NetworkFiles(String hosts, String resolvConf) {
    /** Docker's fixed entries, loopback and the IPv6 multicast names, tab-separated as Docker writes them. */
    static final String DEFAULT_HOSTS = """
            127.0.0.1\tlocalhost
            ::1\tlocalhost ip6-localhost ip6-loopback
            fe00::0\tip6-localnet
            ff00::0\tip6-mcastprefix
            ff02::1\tip6-allnodes
            ff02::2\tip6-allrouters
            """;

    public NetworkFiles {
        if (hosts == null || resolvConf == null) {
            throw new IllegalArgumentException("hosts and resolvConf are required (may be empty)");
        }
    }

    /** The host's files in {@code etc} (normally {@code /etc}); a missing file reads as empty. */
    public static NetworkFiles readHost(Path etc) {
        return new NetworkFiles(readOrEmpty(etc.resolve("hosts")), readOrEmpty(etc.resolve("resolv.conf")));
    }

    /**
     * The files for a container named {@code hostname} networked by {@code mode}:
     * <ul>
     * <li>host: the host's files, unchanged, as the container shares its network;
     * <li>none: Docker's default hosts entries, and the host's resolv.conf (there is no one to ask anyway);
     * <li>slirp4netns: the default entries plus the container's {@code tap0} address with its hostname, and
     * slirp4netns's DNS forwarder as the only nameserver (the host's own may be loopback addresses, unreachable
     * from the container), keeping the host's search domains and options.
     * </ul>
     */
    public static NetworkFiles forContainer(NetworkMode mode, String hostname, NetworkFiles host) {
        if (hostname == null || hostname.isBlank() || hostname.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("hostname must be one word: " + hostname);
        }
        return switch (mode) {
            case NetworkMode.Host h -> host;
            case NetworkMode.None n -> new NetworkFiles(DEFAULT_HOSTS, host.resolvConf());
            case NetworkMode.Slirp4netns slirp -> new NetworkFiles(
                    DEFAULT_HOSTS + slirp.subnet().guest() + "\t" + names(hostname) + "\n",
                    resolvConf(slirp.subnet().dns(), host.resolvConf()));
        };
    }

    /** A fully qualified hostname is listed with its first label too, as Docker does. */
    private static String names(String hostname) {
        int dot = hostname.indexOf('.');
        return dot > 0 ? hostname + " " + hostname.substring(0, dot) : hostname;
    }

    private static String resolvConf(String nameserver, String hostResolvConf) {
        List<String> lines = new ArrayList<>();
        lines.add("nameserver " + nameserver);
        for (String line : hostResolvConf.split("\n")) {
            String trimmed = line.strip();
            boolean keep = !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith(";")
                    && !trimmed.startsWith("nameserver");
            if (keep) {
                lines.add(trimmed);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
