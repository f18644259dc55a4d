package dev.strata.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {
    @Test
    void sha256OfKnownBytes() {
        // sha256("") is a well-known constant.
        assertThat(Digest.sha256(new byte[0]).toString())
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Digest.sha256("abc".getBytes(StandardCharsets.US_ASCII)).shortHex()).isEqualTo("ba7816bf8f01");
    }

    @Test
    void parsesAndRoundTripsThroughJson() {
        Digest d = Digest.parse("sha256:" + "0".repeat(64));
        assertThat(new String(Json.write(d), StandardCharsets.UTF_8)).isEqualTo("\"sha256:" + "0".repeat(64) + "\"");
        assertThat(Json.read(Json.write(d), Digest.class, "digest")).isEqualTo(d);
    }

    @Test
    void rejectsBadDigests() {
        assertThatThrownBy(() -> Digest.parse("sha256:ABC")).isInstanceOf(InvalidDigestException.class);
        assertThatThrownBy(() -> Digest.parse("md5:" + "0".repeat(32))).hasMessageContaining("unsupported");
        assertThatThrownBy(() -> Digest.parse("nocolon")).hasMessageContaining("ALGORITHM:HEX");
        assertThatThrownBy(() -> Digest.parse("sha256:" + "0".repeat(63))).isInstanceOf(InvalidDigestException.class);
    }
}
