package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the container fault and bad-input tests share: a store with BusyBox, and removal of what they ran. */
final class ContainerFixtures {
    private ContainerFixtures() {}

    /** A store at {@code dir/root} holding {@code busybox:latest}. */
    static StrataRunner storeWithBusybox(Path dir) throws Exception {
        StrataRunner strata = new StrataRunner(dir.resolve("root"));
        strata.ok("import", "-c", "CMD [\"sh\"]", TestImages.busyboxTar(dir).toString(), "busybox:latest");
        return strata;
    }

    /** Removes every container, then insists that nothing of them is left on the host. */
    static void removeAll(StrataRunner strata) throws Exception {
        for (String id : strata.ok("ps", "-a", "-q", "--no-trunc").lines()) {
            strata.run("rm", "-f", id);
        }
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        HostTraces.awaitNone(strata.root());
    }

    /** A loopback port free a moment ago. */
    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String[] concat(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
