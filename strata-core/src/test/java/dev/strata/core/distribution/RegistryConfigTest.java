package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {
    @Test
    void loopbackIsInsecureByDefaultAsInDocker() {
        RegistryConfig c = RegistryConfig.DEFAULT;
        assertThat(c.isInsecure("localhost:5000")).isTrue();
        assertThat(c.isInsecure("127.0.0.1:5000")).isTrue();
        assertThat(c.isInsecure("127.1.2.3")).isTrue();
        assertThat(c.isInsecure("[::1]:5000")).isTrue();
        assertThat(c.isInsecure("registry.example.com")).isFalse();
        assertThat(c.isInsecure("docker.io")).isFalse();
    }

    @Test
    void listedHostsAndCidrRangesAreInsecure() {
        RegistryConfig c = new RegistryConfig(List.of("myreg:5000", "https://other.example/", "192.0.2.0/24"), Map.of());
        assertThat(c.isInsecure("myreg:5000")).isTrue();
        assertThat(c.isInsecure("myreg:5001")).isFalse();
        assertThat(c.isInsecure("other.example")).isTrue();
        assertThat(c.isInsecure("192.0.2.77:443")).isTrue();
        assertThat(c.isInsecure("192.0.3.1")).isFalse();
    }

    @Test
    void serverKeysFollowDocker() {
        assertThat(ServerKeys.key("docker.io")).isEqualTo("https://index.docker.io/v1/");
        assertThat(ServerKeys.key("index.docker.io")).isEqualTo("https://index.docker.io/v1/");
        assertThat(ServerKeys.host("https://index.docker.io/v1/")).isEqualTo("docker.io");
        assertThat(ServerKeys.key("localhost:5000")).isEqualTo("localhost:5000");
        assertThat(ServerKeys.host("https://Localhost:5000/v2/")).isEqualTo("localhost:5000");
        assertThat(ServerKeys.apiHost("docker.io")).isEqualTo("registry-1.docker.io");
    }

    @Test
    void mirrorsAreKeptPerRegistryHostInOrderAndAPlainHttpMirrorNeedsNoTls() {
        RegistryConfig c = new RegistryConfig(List.of(), Map.of("index.docker.io",
                List.of("http://mirror.example:5000", "https://second.example"), "quay.io", List.of("https://q.example")));
        assertThat(c.mirrorsOf("docker.io")).containsExactly("http://mirror.example:5000", "https://second.example");
        assertThat(c.mirrorsOf("quay.io")).containsExactly("https://q.example");
        assertThat(c.mirrorsOf("ghcr.io")).isEmpty();
        assertThat(c.isInsecure("mirror.example:5000")).isTrue();
        assertThat(c.isInsecure("second.example")).isFalse();
    }
}
