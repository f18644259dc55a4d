package dev.strata.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.oci.ContainerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {
    @Test
    void appliesEveryAllowedInstruction() {
        ContainerConfig c = ConfigChanges.apply(ContainerConfig.EMPTY, List.of(
                "CMD [\"nginx\", \"-g\", \"daemon off;\"]",
                "ENTRYPOINT /docker-entrypoint.sh",
                "ENV A=1 B=\"two words\"",
                "env LEGACY some value",
                "EXPOSE 80 53/udp",
                "LABEL maintainer=\"NGINX Docker Maintainers\" version=1",
                "USER www",
                "VOLUME [\"/data\"]",
                "WORKDIR /usr",
                "WORKDIR local",
                "ONBUILD RUN echo hi",
                "STOPSIGNAL SIGQUIT"));
        assertThat(c.cmd()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(c.entrypoint()).containsExactly("/bin/sh", "-c", "/docker-entrypoint.sh");
        assertThat(c.env()).containsExactly("A=1", "B=two words", "LEGACY=some value");
        assertThat(c.exposedPorts()).containsOnlyKeys("80/tcp", "53/udp");
        assertThat(c.labels()).containsEntry("maintainer", "NGINX Docker Maintainers").containsEntry("version", "1");
        assertThat(c.user()).isEqualTo("www");
        assertThat(c.volumes()).containsOnlyKeys("/data");
        assertThat(c.workingDir()).isEqualTo("/usr/local");
        assertThat(c.onBuild()).containsExactly("RUN echo hi");
        assertThat(c.stopSignal()).isEqualTo("SIGQUIT");
    }

    @Test
    void envReplacesAnExistingKey() {
        ContainerConfig base = ConfigChanges.apply(ContainerConfig.EMPTY, List.of("ENV PATH=/bin"));
        ContainerConfig c = ConfigChanges.apply(base, List.of("ENV PATH=/usr/bin:/bin"));
        assertThat(c.env()).containsExactly("PATH=/usr/bin:/bin");
        assertThat(base.labels()).isNull();
        assertThat(ConfigChanges.apply(base, List.of("LABEL a=b")).labels()).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void refusesOtherInstructions() {
        assertThatThrownBy(() -> ConfigChanges.apply(ContainerConfig.EMPTY, List.of("RUN rm -rf /")))
                .hasMessageContaining("run is not a valid change command");
        assertThatThrownBy(() -> ConfigChanges.apply(ContainerConfig.EMPTY, List.of("EXPOSE eighty")))
                .hasMessageContaining("invalid containerPort: eighty");
        assertThatThrownBy(() -> ConfigChanges.apply(ContainerConfig.EMPTY, List.of("CMD")))
                .hasMessageContaining("requires at least one argument");
    }

    @Test
    void changesExpandTheConfigsVariablesAndFollowTheBuildersRules() {
        ContainerConfig base = ConfigChanges.apply(ContainerConfig.EMPTY, List.of("ENV PATH=/bin", "CMD [\"sh\"]"));
        ContainerConfig c = ConfigChanges.apply(base, List.of("ENV PATH=$PATH:/opt/bin", "ENTRYPOINT [\"/init\"]"));
        assertThat(c.env()).containsExactly("PATH=/bin:/opt/bin");
        assertThat(c.cmd()).as("an ENTRYPOINT drops the CMD it inherited, as in Docker").isNull();
        assertThat(ConfigChanges.apply(base, List.of("CMD [\"x\"]", "ENTRYPOINT [\"/init\"]")).cmd())
                .containsExactly("x");
        assertThat(ConfigChanges.apply(base, List.of("EXPOSE 8000-8001")).exposedPorts())
                .containsOnlyKeys("8000/tcp", "8001/tcp");
    }
}
