package dev.strata.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTest {
    @ParameterizedTest
    @CsvSource({
        "nginx, docker.io/library/nginx:latest, nginx:latest",
        "nginx:1.19, docker.io/library/nginx:1.19, nginx:1.19",
        "user/app, docker.io/user/app:latest, user/app:latest",
        "docker.io/library/busybox:1.36, docker.io/library/busybox:1.36, busybox:1.36",
        "index.docker.io/library/busybox, docker.io/library/busybox:latest, busybox:latest",
        "localhost/app, localhost/app:latest, localhost/app:latest",
        "localhost:5000/ns/repo:v1, localhost:5000/ns/repo:v1, localhost:5000/ns/repo:v1",
        "registry.cn-hangzhou.aliyuncs.com/yknife/ubuntu:1.0, registry.cn-hangzhou.aliyuncs.com/yknife/ubuntu:1.0, registry.cn-hangzhou.aliyuncs.com/yknife/ubuntu:1.0",
        "127.0.0.1:5000/a_b/c-d.e:tag_1.x, 127.0.0.1:5000/a_b/c-d.e:tag_1.x, 127.0.0.1:5000/a_b/c-d.e:tag_1.x",
        "Example.com/app, Example.com/app:latest, Example.com/app:latest",
    })
    void normalisesLikeDocker(String input, String full, String familiar) {
        Reference ref = Reference.parse(input).withDefaultTag();
        assertThat(ref.toString()).isEqualTo(full);
        assertThat(ref.familiar()).isEqualTo(familiar);
    }

    @Test
    void keepsDigestAndTag() {
        String hex = "a".repeat(64);
        Reference ref = Reference.parse("nginx:1.2@sha256:" + hex);
        assertThat(ref.tag()).isEqualTo("1.2");
        assertThat(ref.digest()).isEqualTo(Digest.parse("sha256:" + hex));
        assertThat(ref.familiar()).isEqualTo("nginx:1.2@sha256:" + hex);
        assertThat(ref.withDefaultTag()).isEqualTo(ref);
    }

    @Test
    void bareNameHasNoTagUntilDefaulted() {
        assertThat(Reference.parse("busybox").tag()).isNull();
        assertThat(Reference.parse("busybox").withDefaultTag().tag()).isEqualTo("latest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "UPPER", "a b", "nginx:", "nginx:-bad", "nginx@sha256:abc", "/abs", "a//b", "a/", "-a",
        "host:port/x", "nginx:" + "t0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"})
    void rejectsMalformed(String input) {
        assertThatThrownBy(() -> Reference.parse(input)).isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("invalid");
    }

    @Test
    void uppercaseRepositoryNamesTheRule() {
        assertThatThrownBy(() -> Reference.parse("docker.io/Library/x"))
                .hasMessageContaining("must be lowercase");
    }

    @Test
    void refusesSixtyFourHexAsName() {
        assertThatThrownBy(() -> Reference.parse("f".repeat(64)))
                .hasMessageContaining("64-byte hexadecimal");
    }
}
