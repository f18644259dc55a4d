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

    /**
     * A network namespace of its own, connected by slirp4netns over {@code subnet}.
     *
     * @param allowHostLoopback whether the container may reach the host's 127.0.0.1 through the gateway address.
     *     Off by default, for safety; but off, libslirp also drops the replies to UDP datagrams that came in
     *     through a published port from the host's loopback (podman issue 4586), so request/response UDP services
     *     published on 127.0.0.1 need it on.
     */
    record Slirp4netns(Subnet subnet, boolean allowHostLoopback) implements NetworkMode {
        public Slirp4netns {
            if (subnet == null) {
                throw new IllegalArgumentException("subnet is required");
            }
        }

        public Slirp4netns() {
            this(Subnet.DEFAULT, false);
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
     * {@code bridge} or {@code default}, as Docker users write it, or empty), or slirp4netns with podman's options
     * {@code slirp4netns:cidr=A.B.C.D/N,allow_host_loopback=true}.
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
            return slirp4netnsWithOptions(text);
        }
        if (text.startsWith("container:") || text.startsWith("ns:")) {
            throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot use network " + text
                    + ": joining another container's or a named namespace is not supported; use slirp4netns, host"
                    + " or none");
        }
        throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot use network " + text + ": network "
                + text + " not found; use slirp4netns (or bridge, default), host or none");
    }

    private static NetworkMode slirp4netnsWithOptions(String text) {
        Subnet subnet = Subnet.DEFAULT;
        boolean allowHostLoopback = false;
        for (String option : text.substring("slirp4netns:".length()).split(",")) {
            int equals = option.indexOf('=');
            String key = equals < 0 ? option : option.substring(0, equals);
            String value = equals < 0 ? "" : option.substring(equals + 1);
            switch (key) {
                case "cidr" -> subnet = Subnet.parse(value);
                case "allow_host_loopback" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot use network " + text
                                + ": allow_host_loopback must be true or false");
                    }
                    allowHostLoopback = value.equals("true");
                }
                default -> throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot use network " + text
                        + ": unknown slirp4netns option " + key + "; the options are cidr and allow_host_loopback");
            }
        }
        return new Slirp4netns(subnet, allowHostLoopback);
    }
}
