package dev.strata.core.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("root")
class Slirp4netnsTest {
    private static final Path SLIRP4NETNS = Path.of("/usr/bin/slirp4netns");

    @TempDir
    Path dir;

    private final NetworkNamespaces namespaces = new NetworkNamespaces();
    private final Slirp4netns slirp = new Slirp4netns(SLIRP4NETNS);
    private final List<Process> helpers = new ArrayList<>();
    private Path netns;
    private Path apiSocket;
    private SlirpProcess running;

    @BeforeEach
    void createNamespace() {
        netns = dir.resolve("netns");
        apiSocket = dir.resolve("slirp.sock");
        namespaces.create(netns);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process helper : helpers) {
            NetnsCommands.kill(helper);
        }
        if (running != null) {
            slirp.stop(running.pid());
        }
        namespaces.remove(netns);
    }

    @Test
    void givesTheNamespaceTap0OnTheNonPrivateSubnetWithADefaultRoute() throws Exception {
        start();

        String address = NetnsCommands.run(netns, NetnsCommands.BUSYBOX, "ip", "-o", "-4", "addr", "show", "tap0");
        String routes = NetnsCommands.run(netns, NetnsCommands.BUSYBOX, "ip", "route");
        String link = NetnsCommands.run(netns, NetnsCommands.BUSYBOX, "ip", "-o", "link", "show", "tap0");

        assertThat(address).contains("inet 100.64.0.100/24");
        assertThat(routes).contains("default via 100.64.0.2 dev tap0");
        assertThat(link).contains("mtu 65520");
        assertThat(isPrivate(Subnet.DEFAULT.guest())).isFalse();
        assertThat(isPrivate(Subnet.DEFAULT.gateway())).isFalse();
    }

    @Test
    void runsDetachedInASessionOfItsOwnUnderItsOwnPid() throws Exception {
        start();

        String stat = Files.readString(Path.of("/proc", Integer.toString(running.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        int session = Integer.parseInt(fields[3]);

        assertThat(Files.readString(Path.of("/proc", Integer.toString(running.pid()), "comm")).strip())
                .isEqualTo("slirp4netns");
        assertThat(session).isEqualTo(running.pid());
        assertThat(running.apiSocket()).isEqualTo(apiSocket);
    }

    @Test
    void forwardsATcpPortFromHostLoopbackToTheContainer() throws Exception {
        start();
        Path www = Files.createDirectory(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "hello from the namespace\n");
        helpers.add(NetnsCommands.start(netns, NetnsCommands.BUSYBOX, "httpd", "-f", "-p", "8080", "-h",
                www.toString()));
        int port = freeTcpPort();

        PortMapping published = slirp.forward(apiSocket, new PortMapping("127.0.0.1", port, 8080, "tcp"));

        assertThat(published).isEqualTo(new PortMapping("127.0.0.1", port, 8080, "tcp"));
        assertThat(fetch(port, "/index.html")).isEqualTo("hello from the namespace\n");
        assertThat(slirp.forwards(apiSocket)).containsExactly(published);
    }

    @Test
    void aSecondForwardOfTheSameHostPortIsAlreadyAllocated() throws Exception {
        start();
        int port = freeTcpPort();
        slirp.forward(apiSocket, new PortMapping("127.0.0.1", port, 8080, "tcp"));

        assertThatThrownBy(() -> slirp.forward(apiSocket, new PortMapping("127.0.0.1", port, 9090, "tcp")))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StrataException.Kind.CONFLICT);
                    assertThat(e.getMessage())
                            .startsWith("cannot publish 127.0.0.1:" + port + ": port is already allocated");
                });
        assertThat(slirp.forwards(apiSocket)).hasSize(1);
    }

    @Test
    void aHostPortHeldByAnotherProgramIsAlreadyAllocated() throws Exception {
        start();
        try (ServerSocket other = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();

            assertThatThrownBy(() -> slirp.forward(apiSocket, new PortMapping("127.0.0.1", port, 80, "tcp")))
                    .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.getMessage())
                            .startsWith("cannot publish 127.0.0.1:" + port + ": port is already allocated"));
        }
    }

    @Test
    void hostPortZeroGetsAFreePort() throws Exception {
        start();
        Path www = Files.createDirectory(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "any port will do\n");
        helpers.add(NetnsCommands.start(netns, NetnsCommands.BUSYBOX, "httpd", "-f", "-p", "80", "-h",
                www.toString()));

        PortMapping published = slirp.forward(apiSocket, PortMapping.parse("127.0.0.1::80").getFirst());

        assertThat(published.hostPort()).isPositive();
        assertThat(fetch(published.hostPort(), "/index.html")).isEqualTo("any port will do\n");
    }

    @Test
    void forwardsUdpIntoTheContainer() throws Exception {
        start();
        BufferedReader echo = startUdpEcho(5353);

        PortMapping published = slirp.forward(apiSocket, PortMapping.parse("127.0.0.1::5353/udp").getFirst());
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(ping, ping.length, new InetSocketAddress("127.0.0.1", published.hostPort())));
        }

        // Only the way in: with host loopback disabled libslirp drops the replies (podman issue 4586).
        assertThat(echo.readLine()).isEqualTo("received:ping");
    }

    @Test
    void udpRepliesComeBackWhenHostLoopbackIsAllowed() throws Exception {
        running = slirp.start(netns, (NetworkMode.Slirp4netns) NetworkMode.parse("slirp4netns:allow_host_loopback=true"),
                apiSocket, dir.resolve("slirp.log"));
        startUdpEcho(5353);

        PortMapping published = slirp.forward(apiSocket, PortMapping.parse("127.0.0.1::5353/udp").getFirst());

        assertThat(udpExchange(published.hostPort(), "ping")).isEqualTo("echo:ping");
    }

    @Test
    void stoppingSlirp4netnsTakesItsForwardsAway() throws Exception {
        start();
        Path www = Files.createDirectory(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "soon gone\n");
        helpers.add(NetnsCommands.start(netns, NetnsCommands.BUSYBOX, "httpd", "-f", "-p", "8080", "-h",
                www.toString()));
        int port = slirp.forward(apiSocket, new PortMapping("127.0.0.1", 0, 8080, "tcp")).hostPort();
        assertThat(fetch(port, "/index.html")).isEqualTo("soon gone\n");

        boolean stopped = slirp.stop(running.pid());
        boolean stoppedAgain = slirp.stop(running.pid());

        assertThat(stopped).isTrue();
        assertThat(stoppedAgain).isFalse();
        assertThat(ProcessStopper.running(running.pid())).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> slirp.forwards(apiSocket))
                .isInstanceOfSatisfying(StrataException.class,
                        e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.SYSTEM));
    }

    @Test
    void stopLeavesAPidThatIsNotSlirp4netnsAlone() throws Exception {
        Process sleeper = new ProcessBuilder(NetnsCommands.BUSYBOX, "sleep", "600").start();
        helpers.add(sleeper);

        assertThat(slirp.stop((int) sleeper.pid())).isFalse();
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void stopAllFindsTheSlirp4netnsOfANamespaceByItsPathAndNoOther() throws Exception {
        start();
        Path otherNetns = dir.resolve("other-netns");
        namespaces.create(otherNetns);
        try {
            SlirpProcess other = slirp.start(otherNetns, dir.resolve("other.sock"), dir.resolve("other.log"));
            try {
                assertThat(slirp.stopAll(netns)).isEqualTo(1);
                assertThat(ProcessStopper.running(running.pid())).isFalse();
                assertThat(ProcessStopper.running(other.pid())).isTrue();
                assertThat(slirp.stopAll(netns)).isZero();
            } finally {
                slirp.stop(other.pid());
            }
        } finally {
            namespaces.remove(otherNetns);
        }
    }

    @Test
    void aFailedStartIsReportedWithTheLog() {
        Path missing = dir.resolve("no-such-netns");

        assertThatThrownBy(() -> slirp.start(missing, apiSocket, dir.resolve("slirp.log")))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StrataException.Kind.SYSTEM);
                    assertThat(e.getMessage()).startsWith("cannot start slirp4netns: it exited with status")
                            .contains("existing path expected").contains("slirp.log");
                });
    }

    @Test
    void aMissingBinaryIsReported() {
        Slirp4netns absent = new Slirp4netns(dir.resolve("slirp4netns"));

        assertThatThrownBy(() -> absent.start(netns, apiSocket, dir.resolve("slirp.log")))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.getMessage())
                        .startsWith("cannot start slirp4netns: ").contains("install the Debian package slirp4netns"));
    }

    /** Starts {@link UdpEcho} in the namespace and waits until it is bound; returns its output. */
    private BufferedReader startUdpEcho(int port) throws IOException {
        Process echo = NetnsCommands.start(netns, javaCommand(UdpEcho.class, Integer.toString(port)));
        helpers.add(echo);
        BufferedReader output = new BufferedReader(new InputStreamReader(echo.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("ready");
        return output;
    }

    private void start() {
        running = slirp.start(netns, apiSocket, dir.resolve("slirp.log"));
    }

    /** Fetches a page, retrying while the server in the namespace is still starting (slirp4netns then resets). */
    private static String fetch(int port, String path) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build();
            IOException last = null;
            for (int attempt = 0; attempt < 100; attempt++) {
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                    return response.body();
                } catch (IOException e) {
                    last = e;
                    Thread.sleep(100);
                }
            }
            throw last;
        }
    }

    private static String udpExchange(int port, String message) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(200);
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            byte[] buffer = new byte[1500];
            for (int attempt = 0; attempt < 50; attempt++) {
                socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                    return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
                } catch (SocketTimeoutException e) {
                    // datagrams may be lost; send again
                }
            }
            throw new AssertionError("no UDP reply through 127.0.0.1:" + port);
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String[] javaCommand(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    private static boolean isPrivate(String ipv4) {
        String[] octets = ipv4.split("\\.");
        int a = Integer.parseInt(octets[0]);
        int b = Integer.parseInt(octets[1]);
        return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
    }
}
