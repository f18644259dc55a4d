package dev.strata.core.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.oci.Goldens;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Manifest;
import dev.strata.core.snapshot.SnapshotInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documents {@code run} reads and writes on its way to the process never load data binding: in a fresh JVM,
 * reading a manifest, a config and snapshot info and writing and reading a container's files load no class of
 * {@code jackson-databind} (whose start-up cost is what the streaming codecs remove).
 */
class HotPathJsonTest {
    @Test
    void theHotPathLoadsNoDataBinding() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                Goldens.ROOT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("probe done", "dev.strata.core.oci.StreamingJson ")
                .doesNotContain("com.fasterxml.jackson.databind.", "dev.strata.core.oci.Json ");
    }

    /** What the child JVM runs. */
    public static final class Probe {
        public static void main(String[] args) {
            Path root = Path.of(args[0]);
            Manifest manifest = Manifest.parse(Goldens.bytes(root.resolve("read/manifest/skopeo-oci-base-annotations.json")));
            ImageConfig config = ImageConfig.parse(Goldens.bytes(root.resolve("read/config/docker-classic-builder.json")));
            SnapshotInfo.parse(Goldens.bytes(root.resolve("write/snapshot/child.json")));
            ContainerRecord record = new ContainerRecord("0".repeat(64), "probe", null, "busybox",
                    manifest.config().digest().toString(), config.diffIds(), "true", List.of(),
                    RunConfigs.merge(config.config(), RunOptions.of("busybox", List.of("true")), "000000000000",
                            List.of(), List.of()),
                    new HostSettings(List.of(), List.of(), false, "none", false, true));
            ContainerJson.readRecord(ContainerJson.write(record));
            ContainerJson.readState(ContainerJson.write(ContainerState.created()));
            System.out.println("probe done");
        }
    }
}
