package dev.strata.core.runtime.network;

import dev.strata.core.StrataException;

/**
 * How a container is networked: the host's own network namespace, a namespace of its own with loopback only,
 * or (the default) a namespace of its own with slirp4netns giving it user-mode NAT to the outside and the
 * forwards for published ports.
 */
public sealed interface NetworkMode {
    /** A network namespace with only the loopback interface: {@code --network none}. */
    record None() implements NetworkMode {
        @Override
        public String name() {
            return "none";
        }
    }

    /** The host's network namespace, shared: {@code --network host}. Ports need no publishing. */
    record Host() implements NetworkMode {
        @Override
        public String name() {
            return "host";
        }
    }

    /** A network namespace of its own, connected by slirp4netns over {@code subnet}. */
    record Slirp4netns(Subnet subnet) implements NetworkMode {
        public Slirp4netns {
            if (subnet == null) {
                throw new IllegalArgumentException("subnet is required");
            }
        }

        public Slirp4netns() {
            this(Subnet.DEFAULT);
        }

        @Override
        public String name() {
            return "slirp4netns";
        }
    }

    /** The canonical name, as {@code inspect} shows it. */
    String name();

    /** Whether the container gets a network namespace of its own (which must be created before it starts). */
    default boolean ownNamespace() {
        return !(this instanceof Host);
    }

    /**
     * Parses a {@code --network} value: {@code host}, {@code none}, {@code slirp4netns} (also spelt
     * {@code bridge} or {@code default}, as Docker users write it, or empty), or {@code slirp4netns:cidr=A.B.C.D/N}
     * as podman spells a choice of subnet.
     */
    static NetworkMode parse(String value) {
        String text = value == null ? "" : value.strip();
        switch (text) {
            case "", "default", "bridge", "slirp4netns" -> {
                return new Slirp4netns();
            }
            case "host" -> {
                return new Host();
            }
            case "none" -> {
                return new None();
            }
            default -> { }
        }
        if (text.startsWith("slirp4netns:")) {
            String options = text.substring("slirp4netns:".length());
            if (options.startsWith("cidr=") && !options.contains(",")) {
                return new Slirp4netns(Subnet.parse(options.substring("cidr=".length())));
            }
            throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot use network " + text
                    + ": the only slirp4netns option supported is cidr=A.B.C.D/N");
        }
        if (text.startsWith("container:") || text.startsWith("ns:")) {
            throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot use network " + text
                    + ": joining another container's or a named namespace is not supported; use slirp4netns, host"
                    + " or none");
        }
        throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot use network " + text + ": network "
                + text + " not found; use slirp4netns (or bridge, default), host or none");
    }
}
