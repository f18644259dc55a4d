package dev.strata.core.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.oci.Goldens;
import dev.strata.core.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ContainerJsonTest {
    @TestFactory
    Stream<DynamicTest> recordsAreWrittenAsBefore() {
        return Goldens.writes("record", ContainerSamples.records(), r -> ContainerJson.write((ContainerRecord) r));
    }

    @TestFactory
    Stream<DynamicTest> recordsReadAsBefore() {
        return Goldens.reads("record", ContainerJson::readRecord);
    }

    @TestFactory
    Stream<DynamicTest> readRecordsAreWrittenAgainAsBefore() {
        return Goldens.rereads("record", ContainerJson::readRecord, ContainerJson::write);
    }

    @TestFactory
    Stream<DynamicTest> statesAreWrittenAsBefore() {
        return Goldens.writes("state", ContainerSamples.states(), s -> ContainerJson.write((ContainerState) s));
    }

    @TestFactory
    Stream<DynamicTest> statesReadAsBefore() {
        return Goldens.reads("state", ContainerJson::readState);
    }

    @TestFactory
    Stream<DynamicTest> readStatesAreWrittenAgainAsBefore() {
        return Goldens.rereads("state", ContainerJson::readState, ContainerJson::write);
    }

    @Test
    void aRecordRoundTrips() {
        ContainerRecord record = (ContainerRecord) ContainerSamples.records().get("run");

        assertThat(ContainerJson.readRecord(ContainerJson.write(record))).isEqualTo(record);
    }

    @Test
    void aRecordWithoutItsIdentityIsMalformed() {
        assertThatThrownBy(() -> ContainerJson.readRecord("{\"Name\":\"n\",\"Layers\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("malformed container record: the record lacks its Id, Name or Layers");
        assertThatThrownBy(() -> ContainerJson.readState("{\"Status\":\"gone\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("malformed container state: \"gone\" is not one of [created, running");
    }
}
