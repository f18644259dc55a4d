package dev.strata.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainIdTest {
    @Test
    void followsTheImageSpecDefinition() {
        Digest a = Digest.sha256("a".getBytes(StandardCharsets.UTF_8));
        Digest b = Digest.sha256("b".getBytes(StandardCharsets.UTF_8));
        Digest c = Digest.sha256("c".getBytes(StandardCharsets.UTF_8));
        List<Digest> chain = ChainId.chain(List.of(a, b, c));
        assertThat(chain.get(0)).isEqualTo(a);
        Digest ab = Digest.sha256((a + " " + b).getBytes(StandardCharsets.UTF_8));
        assertThat(chain.get(1)).isEqualTo(ab);
        assertThat(chain.get(2)).isEqualTo(Digest.sha256((ab + " " + c).getBytes(StandardCharsets.UTF_8)));
    }
}
