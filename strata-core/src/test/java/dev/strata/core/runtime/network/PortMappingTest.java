package dev.strata.core.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PortMappingTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            8080                    | 127.0.0.1 | 0    | 8080 | tcp
            3355:8080               | 127.0.0.1 | 3355 | 8080 | tcp
            127.0.0.1:3355:8080     | 127.0.0.1 | 3355 | 8080 | tcp
            127.0.0.1::8080         | 127.0.0.1 | 0    | 8080 | tcp
            0.0.0.0:80:80           | 0.0.0.0   | 80   | 80   | tcp
            [::1]:80:80             | ::1       | 80   | 80   | tcp
            ::1:80:80               | ::1       | 80   | 80   | tcp
            53:53/udp               | 127.0.0.1 | 53   | 53   | udp
            53:53/UDP               | 127.0.0.1 | 53   | 53   | udp
            8080/tcp                | 127.0.0.1 | 0    | 8080 | tcp
            :8080                   | 127.0.0.1 | 0    | 8080 | tcp
            65535:1                 | 127.0.0.1 | 65535| 1    | tcp
            """)
    void parsesOneMapping(String publish, String hostIp, int hostPort, int containerPort, String protocol) {
        assertThat(PortMapping.parse(publish))
                .containsExactly(new PortMapping(hostIp, hostPort, containerPort, protocol));
    }

    @Test
    void rangesGiveOneMappingPerPort() {
        assertThat(PortMapping.parse("8000-8001:9000-9001")).containsExactly(
                new PortMapping("127.0.0.1", 8000, 9000, "tcp"),
                new PortMapping("127.0.0.1", 8001, 9001, "tcp"));
        assertThat(PortMapping.parse("127.0.0.1::7000-7002/udp")).containsExactly(
                new PortMapping("127.0.0.1", 0, 7000, "udp"),
                new PortMapping("127.0.0.1", 0, 7001, "udp"),
                new PortMapping("127.0.0.1", 0, 7002, "udp"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            abc                  | invalid containerPort: abc
            0                    | invalid containerPort: 0
            65536                | invalid containerPort: 65536
            -1                   | invalid containerPort: -1
            90-80                | invalid containerPort: 90-80
            x:80                 | invalid hostPort: x
            70000:80             | invalid hostPort: 70000
            8080:                | no port specified: 8080:<empty>
            /tcp                 | no port specified: /tcp<empty>
            80/icmp              | invalid proto: icmp
            localhost:80:80      | invalid IP address: localhost
            1.2.3:80:80          | invalid IP address: 1.2.3
            300.1.1.1:80:80      | invalid IP address: 300.1.1.1
            [::1:80:80           | invalid IP address [::1
            8000-8002:9000-9001  | invalid ranges specified for container and host Ports: 9000-9001 and 8000-8002
            """)
    void rejectsWhatDockerRejects(String publish, String reason) {
        assertThatThrownBy(() -> PortMapping.parse(publish))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).startsWith("cannot publish " + publish + ": " + reason + " (use ");
                });
    }

    @Test
    void whatSlirp4netnsCannotDoIsUnsupportedNotInvalid() {
        for (String publish : List.of("80/sctp", "8000-8010:80")) {
            assertThatThrownBy(() -> PortMapping.parse(publish))
                    .isInstanceOfSatisfying(StrataException.class,
                            e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.UNSUPPORTED));
        }
    }

    @Test
    void printsLikeDockerPort() {
        assertThat(new PortMapping("127.0.0.1", 3355, 8080, "tcp")).hasToString("8080/tcp -> 127.0.0.1:3355");
        assertThat(new PortMapping("::1", 80, 80, "udp").hostAddress()).isEqualTo("[::1]:80");
    }

    @Test
    void theRecordRefusesNonsense() {
        assertThatThrownBy(() -> new PortMapping("example.com", 80, 80, "tcp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortMapping("127.0.0.1", 80, 0, "tcp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortMapping("127.0.0.1", 80, 80, "sctp"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
