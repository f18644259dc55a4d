package dev.strata.core.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetTest {
    @Test
    void theDefaultIsOutsideThePrivateRanges() {
        assertThat(Subnet.DEFAULT).hasToString("100.64.0.0/24");
        assertThat(Subnet.DEFAULT.gateway()).isEqualTo("100.64.0.2");
        assertThat(Subnet.DEFAULT.dns()).isEqualTo("100.64.0.3");
        assertThat(Subnet.DEFAULT.guest()).isEqualTo("100.64.0.100");
    }

    @Test
    void addressesFollowTheNetwork() {
        Subnet subnet = Subnet.parse("198.18.4.0/23");

        assertThat(subnet).isEqualTo(new Subnet(0xC6120400, 23));
        assertThat(subnet.guest()).isEqualTo("198.18.4.100");
        assertThat(subnet.dns()).isEqualTo("198.18.4.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.64.0.0", "100.64.0.0/26", "100.64.0.0/0", "100.64.0.1/24", "100.64.0/24",
            "100.64.0.0/x", "example/24"})
    void refusesWhatSlirp4netnsRefuses(String cidr) {
        assertThatThrownBy(() -> Subnet.parse(cidr))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).startsWith("cannot use network " + cidr + " for slirp4netns: ");
                });
    }
}
