package dev.strata.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ImageConfigCodecTest {
    @TestFactory
    Stream<DynamicTest> configsAreWrittenAsBefore() {
        return Goldens.writes("config", CodecSamples.configs(), c -> ((ImageConfig) c).toJson());
    }

    @TestFactory
    Stream<DynamicTest> configsReadAsBefore() {
        return Goldens.reads("config", ImageConfig::parse);
    }

    @TestFactory
    Stream<DynamicTest> readConfigsAreWrittenAgainAsBefore() {
        return Goldens.rereads("config", ImageConfig::parse, ImageConfig::toJson);
    }

    @Test
    void aDockerWrittenConfigReadsItsConfigAndNotItsContainerConfig() {
        ImageConfig config = ImageConfig.parse(Goldens.document("config", "doc/docker-classic-builder"));

        assertThat(config.dockerVersion()).isEqualTo("20.10.23");
        assertThat(config.config().cmd()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(config.config().onBuild()).isNull();
        assertThat(config.config().argsEscaped()).isTrue();
        assertThat(config.config().healthcheck()).containsEntry("Interval", 30_000_000_000L).containsEntry("Retries", 3)
                .containsEntry("Test", List.of("CMD-SHELL", "curl -f http://localhost/ && echo ok || exit 1"));
        assertThat(config.config().labels()).containsEntry("maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>");
        assertThat(config.history()).extracting(ImageConfig.History::emptyLayer).containsExactly(false, true, true, true);
        assertThat(config.diffIds()).hasSize(2);
    }

    @Test
    void errorsNameTheImageConfig() {
        assertThatThrownBy(() -> ImageConfig.parse(Goldens.document("config", "doc/truncated")))
                .isInstanceOf(InvalidContentException.class).hasMessageStartingWith("malformed image config: ");
        assertThatThrownBy(() -> ImageConfig.parse(Goldens.document("config", "doc/env-not-a-list")))
                .hasMessage("malformed image config: \"Env\": expected an array, found a string");
        assertThatThrownBy(() -> ImageConfig.parse(Goldens.document("config", "doc/rootfs-not-layers")))
                .hasMessage("image config has rootfs type \"zip\", not \"layers\"");
    }
}
