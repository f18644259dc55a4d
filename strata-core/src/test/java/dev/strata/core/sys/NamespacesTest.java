package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespacesTest {
    @TempDir
    Path dir;

    @Test
    @Tag("root")
    void aNewNetworkNamespaceOutlivesItsThreadWithOnlyLoopbackUp() throws Exception {
        Path file = Files.createFile(dir.resolve("net"));

        Namespaces.bindNewNetworkNamespace(file);
        try {
            assertThat(MountPoints.isMountPoint(file)).isTrue();
            String own = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            assertThat(run("nsenter", "--net=" + file, "readlink", "/proc/self/ns/net")).isNotEqualTo(own);
            assertThat(run("nsenter", "--net=" + file, "ip", "-o", "link", "show").lines())
                    .singleElement().asString().contains(": lo: ").contains("<LOOPBACK,UP,");
        } finally {
            Mounts.unmount(file, Mounts.MNT_DETACH);
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
