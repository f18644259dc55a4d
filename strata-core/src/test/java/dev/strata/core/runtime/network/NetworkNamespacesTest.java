package dev.strata.core.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("root")
class NetworkNamespacesTest {
    @TempDir
    Path dir;

    private final NetworkNamespaces namespaces = new NetworkNamespaces();
    private final List<Path> created = new ArrayList<>();

    @AfterEach
    void removeNamespaces() {
        created.forEach(namespaces::remove);
    }

    @Test
    void aNewNamespaceHasOnlyLoopbackAndItIsUp() throws Exception {
        Path netns = create("netns");

        String links = NetnsCommands.run(netns, NetnsCommands.BUSYBOX, "ip", "-o", "link");
        String addresses = NetnsCommands.run(netns, NetnsCommands.BUSYBOX, "ip", "-o", "-4", "addr");

        assertThat(links.lines().toList()).singleElement().satisfies(line -> {
            assertThat(line).contains(": lo: ");
            assertThat(line).containsPattern("<[^>]*\\bUP\\b[^>]*>");
        });
        assertThat(addresses).contains("inet 127.0.0.1/8");
        assertThat(NetnsCommands.run(netns, NetnsCommands.BUSYBOX, "ping", "-c", "1", "127.0.0.1"))
                .contains("1 packets received");
    }

    @Test
    void theNamespaceIsNewAndEachFileHasItsOwn() throws Exception {
        Path first = create("first");
        Path second = create("second");

        String host = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        String inFirst = NetnsCommands.run(first, NetnsCommands.BUSYBOX, "readlink", "/proc/self/ns/net").strip();
        String inSecond = NetnsCommands.run(second, NetnsCommands.BUSYBOX, "readlink", "/proc/self/ns/net").strip();

        assertThat(inFirst).startsWith("net:[").isNotEqualTo(host).isNotEqualTo(inSecond);
        assertThat(mounts()).contains(first.toString(), second.toString());
    }

    @Test
    void removeUnmountsAndDeletesAndMayBeRepeated() throws Exception {
        Path netns = dir.resolve("netns");
        namespaces.create(netns);

        namespaces.remove(netns);
        namespaces.remove(netns);

        assertThat(netns).doesNotExist();
        assertThat(mounts()).doesNotContain(netns.toString());
    }

    @Test
    void removeDeletesAFileLeftUnmountedByACrash() throws Exception {
        Path stale = Files.createFile(dir.resolve("stale"));

        namespaces.remove(stale);

        assertThat(stale).doesNotExist();
    }

    @Test
    void anExistingFileIsAConflict() throws Exception {
        Path netns = create("netns");

        assertThatThrownBy(() -> namespaces.create(netns))
                .isInstanceOfSatisfying(StrataException.class,
                        e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.CONFLICT));
        assertThat(NetnsCommands.run(netns, NetnsCommands.BUSYBOX, "ip", "-o", "link")).contains(": lo: ");
    }

    private Path create(String name) {
        Path netns = dir.resolve(name);
        namespaces.create(netns);
        created.add(netns);
        return netns;
    }

    private static String mounts() throws Exception {
        return Files.readString(Path.of("/proc/self/mountinfo"));
    }
}
