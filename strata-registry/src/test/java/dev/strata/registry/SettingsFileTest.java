package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Distribution-shaped config.yml, then flags on top. */
class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheKeysDistributionUsers() throws Exception {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, """
                version: 0.1
                log:
                  level: info
                storage:
                  filesystem:
                    rootdirectory: /srv/registry
                  maintenance:
                    uploadpurging:
                      age: 168h
                http:
                  addr: :5001
                  tls:
                    certificate: /etc/cert.pem
                    key: /etc/key.pem
                auth:
                  htpasswd:
                    realm: basic-realm
                    path: /etc/htpasswd
                gc:
                  interval: 1h30m
                  grace: 90s
                """);
        RegistrySettings settings = SettingsFile.apply(RegistrySettings.defaults(dir), file);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(5001);
        assertThat(settings.storage()).isEqualTo(Path.of("/srv/registry"));
        assertThat(settings.tlsCertificate()).hasValue(Path.of("/etc/cert.pem"));
        assertThat(settings.uploadTimeout()).isEqualTo(Duration.ofHours(168));
        assertThat(settings.gcInterval()).isEqualTo(Duration.ofMinutes(90));
        assertThat(settings.gcGrace()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.auth()).containsKey("htpasswd");
    }

    @Test
    void flagsAddToTheAuthSection() {
        Map<String, Object> section = AuthWiring.withFlags(Map.of("token", Map.of("realm", "x")),
                Optional.of(Path.of("/etc/htpasswd")), true, true);
        assertThat(section).containsEntry("anonymous", "pull").containsEntry("token", Map.of("realm", "x"));
        assertThat(section.get("htpasswd")).isEqualTo(Map.of("realm", "strata-registry", "path", "/etc/htpasswd"));
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> RegistrySettings.defaults(dir).withAddress("localhost"))
                .isInstanceOf(StrataException.class).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> SettingsFile.duration("1 hour", "test")).hasMessageContaining("invalid duration");
        assertThatThrownBy(() -> RegistrySettings.defaults(dir).withTls(dir.resolve("cert"), null))
                .hasMessageContaining("both a certificate and a key");
        assertThat(RegistrySettings.defaults(dir).withAddress("[::1]:5000").host()).isEqualTo("::1");
    }
}
