package dev.strata.core.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkModeTest {
    @ParameterizedTest
    @ValueSource(strings = {"slirp4netns", "bridge", "default", ""})
    void dockersNamesForTheDefaultMeanSlirp4netns(String value) {
        assertThat(NetworkMode.parse(value)).isEqualTo(new NetworkMode.Slirp4netns(Subnet.DEFAULT, false));
    }

    @Test
    void hostAndNone() {
        assertThat(NetworkMode.parse("host")).isInstanceOf(NetworkMode.Host.class);
        assertThat(NetworkMode.parse("none")).isInstanceOf(NetworkMode.None.class);
        assertThat(NetworkMode.parse("host").ownNamespace()).isFalse();
        assertThat(NetworkMode.parse("none").ownNamespace()).isTrue();
        assertThat(NetworkMode.parse("bridge").name()).isEqualTo("slirp4netns");
    }

    @Test
    void slirp4netnsTakesPodmansOptions() {
        assertThat(NetworkMode.parse("slirp4netns:cidr=198.18.0.0/24,allow_host_loopback=true"))
                .isEqualTo(new NetworkMode.Slirp4netns(Subnet.parse("198.18.0.0/24"), true));
        assertThat(NetworkMode.parse("slirp4netns:allow_host_loopback=false"))
                .isEqualTo(new NetworkMode.Slirp4netns());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mynet                         | NOT_FOUND        | network mynet not found
            Host                          | NOT_FOUND        | network Host not found
            container:web                 | UNSUPPORTED      | not supported
            slirp4netns:mtu=1500          | UNSUPPORTED      | unknown slirp4netns option mtu
            slirp4netns:allow_host_loopback=yes | INVALID_ARGUMENT | must be true or false
            slirp4netns:cidr=10.0.2.0/33  | INVALID_ARGUMENT | prefix length
            """)
    void refusesOthersClearly(String value, StrataException.Kind kind, String reason) {
        assertThatThrownBy(() -> NetworkMode.parse(value))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getMessage()).startsWith("cannot use network ").contains(reason);
                });
    }
}
