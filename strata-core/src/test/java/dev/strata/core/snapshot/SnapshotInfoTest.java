package dev.strata.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.oci.CodecSamples;
import dev.strata.core.oci.Goldens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SnapshotInfoTest {
    static Map<String, SnapshotInfo> samples() {
        Map<String, SnapshotInfo> m = new LinkedHashMap<>();
        m.put("base", new SnapshotInfo(CodecSamples.digest("c"), CodecSamples.digest("d"), null, 0));
        m.put("child", new SnapshotInfo(CodecSamples.digest("c2"), CodecSamples.digest("d2"), CodecSamples.digest("c"),
                Long.MAX_VALUE));
        return m;
    }

    @TestFactory
    Stream<DynamicTest> infoIsWrittenAsBefore() {
        return Goldens.writes("snapshot", samples(), SnapshotInfo::toJson);
    }

    @TestFactory
    Stream<DynamicTest> infoReadsAsBefore() {
        return Goldens.reads("snapshot", SnapshotInfo::parse);
    }

    @TestFactory
    Stream<DynamicTest> readInfoIsWrittenAgainAsBefore() {
        return Goldens.rereads("snapshot", SnapshotInfo::parse, SnapshotInfo::toJson);
    }

    @Test
    void infoRoundTrips() {
        SnapshotInfo child = samples().get("child");

        assertThat(SnapshotInfo.parse(child.toJson())).isEqualTo(child);
    }
}
