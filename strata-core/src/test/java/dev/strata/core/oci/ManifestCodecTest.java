package dev.strata.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ManifestCodecTest {
    @TestFactory
    Stream<DynamicTest> manifestsAreWrittenAsBefore() {
        return Goldens.writes("manifest", CodecSamples.manifests(), m -> ((Manifest) m).toJson());
    }

    @TestFactory
    Stream<DynamicTest> manifestsReadAsBefore() {
        return Goldens.reads("manifest", Manifest::parse);
    }

    @TestFactory
    Stream<DynamicTest> readManifestsAreWrittenAgainAsBefore() {
        return Goldens.rereads("manifest", Manifest::parse, Manifest::toJson);
    }

    @TestFactory
    Stream<DynamicTest> indexesAreWrittenAsBefore() {
        return Goldens.writes("index", CodecSamples.indexes(), i -> ((Index) i).toJson());
    }

    @TestFactory
    Stream<DynamicTest> indexesReadAsBefore() {
        return Goldens.reads("index", Index::parse);
    }

    @TestFactory
    Stream<DynamicTest> readIndexesAreWrittenAgainAsBefore() {
        return Goldens.rereads("index", Index::parse, Index::toJson);
    }

    @Test
    void anArtifactManifestKeepsWhatTheRecordHoldsAndSkipsTheRest() {
        Manifest m = Manifest.parse(Goldens.document("manifest", "doc/oci-artifact-subject"));

        assertThat(m.config().mediaType()).isEqualTo("application/vnd.oci.empty.v1+json");
        assertThat(m.config().size()).isEqualTo(2);
        assertThat(m.layers()).singleElement().satisfies(l -> {
            assertThat(l.size()).isEqualTo(1234);
            assertThat(l.annotations()).containsExactly(Map.entry("org.opencontainers.image.title", "sbom.json"));
        });
        assertThat(m.annotations()).containsOnlyKeys("org.opencontainers.image.created", "com.example.key1");
        assertThat(new String(m.toJson(), StandardCharsets.UTF_8)).doesNotContain("subject", "artifactType", "urls", "data");
    }

    @Test
    void aManifestListEntryKeepsItsPlatform() {
        Index index = Index.parse(Goldens.document("index", "doc/docker-manifest-list"));

        assertThat(index.manifests()).extracting(Descriptor::platform).containsExactly(
                new Platform("amd64", "linux", null), new Platform("arm", "linux", "v6"),
                new Platform("amd64", "windows", null));
    }

    @Test
    void dataBindingRefusesTheStreamedTypes() {
        Manifest manifest = (Manifest) CodecSamples.manifests().get("oci-three-layers");

        assertThatThrownBy(() -> Json.write(manifest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Manifest.parse / toJson");
        assertThatThrownBy(() -> Json.read(manifest.toJson(), Manifest.class, "manifest"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.read("[]".getBytes(StandardCharsets.UTF_8), Descriptor[].class, "descriptors"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokenDocumentsAreMalformedContent() {
        assertThatThrownBy(() -> Manifest.parse("{\"schemaVersion\":2,\"config\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidContentException.class).hasMessageStartingWith("malformed image manifest: ");
        assertThatThrownBy(() -> Manifest.parse("null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("malformed image manifest: expected an object, found null");
        assertThatThrownBy(() -> Manifest.parse("{\"schemaVersion\":2,\"layers\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("malformed image manifest: \"layers\": expected an array, found an object");
        assertThatThrownBy(() -> Manifest.parse(Goldens.document("manifest", "doc/no-config")))
                .hasMessage("malformed image manifest: manifest has no config descriptor");
    }
}
