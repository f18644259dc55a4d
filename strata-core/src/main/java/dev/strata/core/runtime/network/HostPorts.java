package dev.strata.core.runtime.network;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;

/**
 * Questions about the host side of a published port, answered by binding a socket there for a moment: which port
 * is free, and whether one is taken. slirp4netns only says that a forward "failed", so this is how Strata tells
 * "port is already allocated" from other failures. Stateless and thread-safe.
 */
final class HostPorts {
    /** Refuses, before slirp4netns is asked, host addresses it cannot or the host does not serve. */
    void checkUsable(PortMapping mapping) {
        if (!IpLiterals.isIpv4(mapping.hostIp())) {
            throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot publish " + mapping.hostAddress()
                    + ": slirp4netns forwards from IPv4 host addresses only; use 127.0.0.1 or 0.0.0.0");
        }
        InetAddress address = InetAddress.ofLiteral(mapping.hostIp());
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return;
        }
        try {
            if (NetworkInterface.getByInetAddress(address) != null) {
                return;
            }
        } catch (SocketException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot publish " + mapping.hostAddress() + ": cannot list the host's addresses: " + e, e);
        }
        throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot publish " + mapping.hostAddress()
                + ": the host has no address " + mapping.hostIp() + "; name one of its addresses, or 127.0.0.1");
    }

    /** A port that is free on the mapping's host address for its protocol, as the kernel picks an ephemeral one. */
    int freePort(PortMapping mapping) {
        try (NetworkChannel channel = open(mapping.protocol())) {
            channel.bind(new InetSocketAddress(InetAddress.ofLiteral(mapping.hostIp()), 0));
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot publish " + mapping.hostAddress() + ": cannot find a free port: " + e.getMessage(), e);
        }
    }

    /** Whether something else holds the mapping's host address and port. */
    boolean inUse(PortMapping mapping) {
        try (NetworkChannel channel = open(mapping.protocol())) {
            channel.bind(new InetSocketAddress(InetAddress.ofLiteral(mapping.hostIp()), mapping.hostPort()));
            return false;
        } catch (BindException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static NetworkChannel open(String protocol) throws IOException {
        return "udp".equals(protocol) ? DatagramChannel.open() : ServerSocketChannel.open();
    }
}
