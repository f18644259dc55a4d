package dev.strata.core.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void digitRunsCompareAsNumbers() {
        List<String> names = new ArrayList<>(List.of("vol10", "vol9", "vol1", "data", "vol010", "vol1a", "Vol2", "v", "a-1", "a1", "a.b"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("Vol2", "a1", "a-1", "a.b", "data", "v", "vol1", "vol1a", "vol9", "vol10", "vol010");
    }

    @Test
    void mountinfoEscapesAreUndone() {
        String line = "36 35 98:0 /mnt1 /mnt/with\\040space rw,noatime master:1 - ext3 /dev/root rw,errors=continue";
        assertThat(MountTable.mountPoint(line)).isEqualTo("/mnt/with space");
        assertThat(MountTable.mountPoint("short line")).isNull();
    }
}
