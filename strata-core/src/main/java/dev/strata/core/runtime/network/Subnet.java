package dev.strata.core.runtime.network;

import dev.strata.core.StrataException;

/**
 * The IPv4 network slirp4netns emulates inside a container's network namespace. As libslirp lays it out, the
 * gateway (the host) is the network's {@code .2}, the built-in DNS forwarder {@code .3} and the container
 * {@code .100}; hence the prefix is at most 25 bits, as slirp4netns requires.
 *
 * @param network the network address as a 32-bit number, host bits zero
 * @param prefixLength 1 to 25
 */
public record Subnet(int network, int prefixLength) {
    /**
     * The default: a block of the shared address space (RFC 6598), not one of the private ranges (10/8,
     * 172.16/12, 192.168/16) that home and office networks, VPNs and Docker's bridges use; slirp4netns's own default,
     * 10.0.2.0/24, would shadow such a network for the container.
     */
    public static final Subnet DEFAULT = parse("100.64.0.0/24");

    public Subnet {
        if (prefixLength < 1 || prefixLength > 25) {
            throw new IllegalArgumentException("slirp4netns needs a prefix length of 1 to 25: " + prefixLength);
        }
        if ((network & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException("network address has host bits set: " + dotted(network));
        }
    }

    /** Parses {@code A.B.C.D/N}. */
    public static Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        String prefix = slash < 0 ? "" : cidr.substring(slash + 1);
        if (!IpLiterals.isIpv4(address) || !prefix.matches("[0-9]{1,2}")) {
            throw invalid(cidr, "expected an IPv4 network such as " + "100.64.0.0/24");
        }
        int value = 0;
        for (String octet : address.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        int length = Integer.parseInt(prefix);
        if (length < 1 || length > 25) {
            throw invalid(cidr, "slirp4netns needs a prefix length of 1 to 25");
        }
        if ((value & ~mask(length)) != 0) {
            throw invalid(cidr, "host bits are set; the network is " + dotted(value & mask(length)) + "/" + length);
        }
        return new Subnet(value, length);
    }

    /** The host as the container sees it, and its default route. */
    public String gateway() {
        return dotted(network + 2);
    }

    /** slirp4netns's DNS forwarder, which asks the host's resolvers. */
    public String dns() {
        return dotted(network + 3);
    }

    /** The address slirp4netns gives the container's {@code tap0}. */
    public String guest() {
        return dotted(network + 100);
    }

    /** The CIDR form, {@code 100.64.0.0/24}. */
    @Override
    public String toString() {
        return dotted(network) + "/" + prefixLength;
    }

    private static int mask(int length) {
        return (int) (0xFFFFFFFFL << (32 - length));
    }

    private static String dotted(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }

    private static StrataException invalid(String cidr, String reason) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                "cannot use network " + cidr + " for slirp4netns: " + reason);
    }
}
