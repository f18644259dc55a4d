package dev.strata.core.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class HostPortsTest {
    private final HostPorts hostPorts = new HostPorts();

    @Test
    void aListeningTcpPortIsInUseAndAClosedOneIsNot() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
            assertThat(hostPorts.inUse(new PortMapping("127.0.0.1", port, 80, "tcp"))).isTrue();
            assertThat(hostPorts.inUse(new PortMapping("0.0.0.0", port, 80, "tcp"))).isTrue();
        }
        assertThat(hostPorts.inUse(new PortMapping("127.0.0.1", port, 80, "tcp"))).isFalse();
    }

    @Test
    void udpIsAskedAboutSeparately() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = socket.getLocalPort();
            assertThat(hostPorts.inUse(new PortMapping("127.0.0.1", port, 53, "udp"))).isTrue();
        }
    }

    @Test
    void aFreePortCanBeBound() throws Exception {
        int port = hostPorts.freePort(new PortMapping("127.0.0.1", 0, 80, "tcp"));

        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void ipv6IsUnsupportedAndAForeignAddressInvalid() {
        assertThatThrownBy(() -> hostPorts.checkUsable(new PortMapping("::1", 80, 80, "tcp")))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StrataException.Kind.UNSUPPORTED);
                    assertThat(e.getMessage()).startsWith("cannot publish [::1]:80: ");
                });
        // 192.0.2.0/24 is TEST-NET-1, documentation only: no host has it.
        assertThatThrownBy(() -> hostPorts.checkUsable(new PortMapping("192.0.2.1", 80, 80, "tcp")))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("the host has no address 192.0.2.1");
                });
    }

    @Test
    void loopbackAndTheWildcardAreUsable() {
        hostPorts.checkUsable(new PortMapping("127.0.0.1", 80, 80, "tcp"));
        hostPorts.checkUsable(new PortMapping("0.0.0.0", 80, 80, "udp"));
    }
}
