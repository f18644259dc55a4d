package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed process and a full disk leave the store as it was. Needs root (tmpfs mount), as CI has. */
@Tag("root")
class FaultTest {
    @TempDir
    Path dir;

    private static byte[] bigLayer(int megabytes) throws IOException {
        byte[] data = new byte[1 << 20];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            Random random = new Random(1);
            for (int i = 0; i < megabytes; i++) {
                random.nextBytes(data);
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("data/" + i);
                entry.setSize(data.length);
                out.putArchiveEntry(entry);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void killDuringLoadLeavesNoImageAndNoOrphans() throws Exception {
        StrataRunner strata = new StrataRunner(dir.resolve("root"));
        strata.ok("import", TestImages.filesTar(dir, "base.tar", Map.of("f", "x")).toString(), "present:1");
        List<String> before = StoreState.visible(strata.root());
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        new ArchiveBuilder().layer(bigLayer(32)).tag("big:1").write(archive, Map.of());
        byte[] bytes = archive.toByteArray();

        Process process = new ProcessBuilder(javaCommand(strata.root(), "load")).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(bytes, 0, bytes.length / 2);
            stdin.flush();
            waitForScratchFiles(strata.root());
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the pipe breaks when the process dies: that is the point
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(StoreState.visible(strata.root())).isEqualTo(before);
        assertThat(strata.ok("images", "--format", "{{.Repository}}").out()).isEqualTo("present\n");

        // The next command that writes removes what the killed one left in scratch space.
        strata.ok("import", TestImages.filesTar(dir, "other.tar", Map.of("g", "y")).toString(), "other:1");
        assertThat(StoreState.leftovers(strata.root())).isEmpty();
    }

    @Test
    void killDuringImportLeavesNoImage() throws Exception {
        StrataRunner strata = new StrataRunner(dir.resolve("root"));
        strata.ok("import", TestImages.filesTar(dir, "base.tar", Map.of("f", "x")).toString(), "present:1");
        List<String> before = StoreState.visible(strata.root());
        byte[] tar = bigLayer(32);
        Process process = new ProcessBuilder(javaCommand(strata.root(), "import", "-", "big:1")).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(tar, 0, tar.length / 2);
            stdin.flush();
            waitForScratchFiles(strata.root());
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the pipe breaks when the process dies
        }
        assertThat(StoreState.visible(strata.root())).isEqualTo(before);
        assertThat(strata.ok("images", "--format", "{{.Repository}}").out()).isEqualTo("present\n");
    }

    @Test
    void concurrentLoadsSharingABaseAllLand() throws Exception {
        Path root = dir.resolve("shared-root");
        byte[] base = ArchiveBuilder.layer(Map.of("etc/base", "base"));
        List<Process> processes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path archive = dir.resolve("app" + i + ".tar");
            new ArchiveBuilder().layer(base).layer(ArchiveBuilder.layer(Map.of("app", "v" + i))).tag("app:" + i).write(archive);
            processes.add(new ProcessBuilder(javaCommand(root, "load", "-i", archive.toString())).redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(output).isZero();
        }
        StrataRunner strata = new StrataRunner(root);
        assertThat(strata.ok("images", "--format", "{{.Tag}}").lines()).containsExactlyInAnyOrder("0", "1", "2");
        try (var snapshots = Files.list(root.resolve("snapshots"))) {
            assertThat(snapshots.count()).isEqualTo(4);
        }
        assertThat(StoreState.leftovers(root)).isEmpty();
    }

    @Test
    void fullDiskFailsCleanly() throws Exception {
        Path root = dir.resolve("small");
        Files.createDirectories(root);
        run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", root.toString());
        try {
            StrataRunner strata = new StrataRunner(root);
            strata.ok("import", TestImages.filesTar(dir, "base.tar", Map.of("f", "x")).toString(), "present:1");
            List<String> before = StoreState.visible(root);
            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            new ArchiveBuilder().layer(bigLayer(8)).tag("big:1").write(archive, Map.of());
            var result = strata.runWithInput(archive.toByteArray(), "load");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err().strip()).startsWith("Error: ").contains("No space left on device");
            assertThat(result.err().strip().lines().count()).isEqualTo(1);
            assertThat(StoreState.visible(root)).isEqualTo(before);
            assertThat(StoreState.leftovers(root)).isEmpty();
            assertThat(strata.ok("images", "--format", "{{.Repository}}").out()).isEqualTo("present\n");
        } finally {
            run("umount", root.toString());
        }
    }

    private static List<String> javaCommand(Path root, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.strata.cli.Main", "--root", root.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static void waitForScratchFiles(Path root) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!StoreState.leftovers(root).isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the load never started writing");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed");
        }
    }
}
