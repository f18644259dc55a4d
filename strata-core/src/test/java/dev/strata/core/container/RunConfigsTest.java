package dev.strata.core.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.oci.ContainerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunConfigsTest {
    static final ContainerConfig IMAGE = new ContainerConfig("app", Map.of("80/tcp", Map.of()),
            List.of("PATH=/bin", "A=image"), List.of("/entry"), List.of("serve", "--port=80"), null, null,
            Map.of("/data", Map.of()), "/srv", Map.of("from", "image"), null, "SIGQUIT", null, null);

    static RunOptions options(List<String> command, String entrypoint, List<String> env) {
        return new RunOptions("img", command, null, env, null, null, entrypoint, null, Map.of("run", "yes"), null, null,
                null, null, false, null, false, false, false, true, false, null, null);
    }

    @Test
    void imageDefaultsHoldWithoutOptions() {
        RunConfig c = RunConfigs.merge(IMAGE, options(List.of(), null, List.of()), "host", List.of(), List.of());

        assertThat(RunConfigs.processArgs(c)).containsExactly("/entry", "serve", "--port=80");
        assertThat(c.user()).isEqualTo("app");
        assertThat(c.workingDir()).isEqualTo("/srv");
        assertThat(c.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(c.labels()).containsEntry("from", "image").containsEntry("run", "yes");
        assertThat(c.volumes()).containsKey("/data");
        assertThat(c.attachStdout()).isFalse();
    }

    @Test
    void argumentsReplaceCmdAndKeepTheEntrypoint() {
        RunConfig c = RunConfigs.merge(IMAGE, options(List.of("check"), null, List.of()), "h", List.of("8080/tcp"), List.of());

        assertThat(RunConfigs.processArgs(c)).containsExactly("/entry", "check");
        assertThat(c.exposedPorts()).containsOnlyKeys("80/tcp", "8080/tcp");
    }

    @Test
    void aNewEntrypointDropsTheImagesCmdAndEmptyClearsIt() {
        assertThat(RunConfigs.processArgs(RunConfigs.merge(IMAGE, options(List.of(), "/bin/sh", List.of()), "h",
                List.of(), List.of()))).containsExactly("/bin/sh");
        assertThat(RunConfigs.processArgs(RunConfigs.merge(IMAGE, options(List.of("ls", "/"), "", List.of()), "h",
                List.of(), List.of()))).containsExactly("ls", "/");
        assertThatThrownBy(() -> RunConfigs.processArgs(RunConfigs.merge(IMAGE, options(List.of(), "", List.of()), "h",
                List.of(), List.of()))).hasMessage("No command specified");
    }

    @Test
    void runEnvironmentOverridesTheImagesInPlace() {
        RunConfig c = RunConfigs.merge(IMAGE, options(List.of(), null, List.of("A=run", "B=new")), "h", List.of(), List.of());

        assertThat(c.env()).containsExactly("PATH=/bin", "A=run", "B=new");
    }
}
