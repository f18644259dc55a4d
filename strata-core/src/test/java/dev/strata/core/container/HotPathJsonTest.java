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
 * The documents {@code run} reads and writes on its way to the process never load data binding nor initialise
 * {@code BigDecimal}: in a fresh JVM, reading a manifest, a config, snapshot info and runc's state and writing and
 * reading a container's files load no class of {@code jackson-databind} (whose start-up cost is what the streaming
 * codecs remove) and initialise neither Jackson's parser nor {@code BigDecimal} (whose class initialiser computes
 * 5^65536, what {@link dev.strata.core.oci.JsonPullParser} removes).
 */
class HotPathJsonTest {
    @Test
    void theHotPathLoadsNoDataBinding() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-Xlog:class+init=info", "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                Goldens.ROOT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("probe done", "dev.strata.core.oci.StreamingJson ", "Initializing 'dev/strata/core/oci/JsonPullParser'")
                .doesNotContain("com.fasterxml.jackson.databind.", "dev.strata.core.oci.Json ", "java/math/BigDecimal",
                        "com/fasterxml/jackson/core/base/ParserMinimalBase");
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
            dev.strata.core.runtime.JsonValues.read("{\"pid\":4242,\"n\":[1.5e3,99999999999999999999,-0]}"
                    .getBytes(StandardCharsets.UTF_8), "runc state");
            System.out.println("probe done");
        }
    }
}
