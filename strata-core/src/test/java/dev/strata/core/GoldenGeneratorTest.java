package dev.strata.core;

import dev.strata.core.container.ContainerRecord;
import dev.strata.core.container.ContainerSamples;
import dev.strata.core.container.ContainerState;
import dev.strata.core.oci.CodecSamples;
import dev.strata.core.oci.Goldens;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Index;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.Manifest;
import dev.strata.core.snapshot.SnapshotInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Made the golden files with the data-binding codecs, once, before the streaming codecs replaced them; kept in
 * this commit only to show how they were made (it is removed by the next one).
 */
class GoldenGeneratorTest {
    record Kind(String name, Map<String, Object> samples, Function<byte[], ?> reader) {}

    @Test
    void generate() throws IOException {
        Map<String, Object> snapshots = new LinkedHashMap<>();
        snapshots.put("base", new SnapshotInfo(CodecSamples.digest("c"), CodecSamples.digest("d"), null, 0));
        snapshots.put("child", new SnapshotInfo(CodecSamples.digest("c2"), CodecSamples.digest("d2"),
                CodecSamples.digest("c"), Long.MAX_VALUE));
        List<Kind> kinds = List.of(
                new Kind("manifest", CodecSamples.manifests(), Manifest::parse),
                new Kind("index", CodecSamples.indexes(), Index::parse),
                new Kind("config", CodecSamples.configs(), ImageConfig::parse),
                new Kind("record", ContainerSamples.records(), raw -> Json.read(raw, ContainerRecord.class, "container record")),
                new Kind("state", ContainerSamples.states(), raw -> Json.read(raw, ContainerState.class, "container state")),
                new Kind("snapshot", snapshots, raw -> Json.read(raw, SnapshotInfo.class, "snapshot metadata")));
        for (Kind kind : kinds) {
            generate(kind);
        }
    }

    private static void generate(Kind kind) throws IOException {
        Path writeDir = Goldens.ROOT.resolve("write").resolve(kind.name());
        Files.createDirectories(writeDir);
        List<String> outcomes = new ArrayList<>();
        List<String> rereads = new ArrayList<>();
        for (var sample : kind.samples().entrySet()) {
            byte[] json = Json.write(sample.getValue());
            Files.write(writeDir.resolve(sample.getKey() + ".json"), json);
            outcomes.add("write/" + sample.getKey() + "\t" + Goldens.outcome(kind.reader(), json));
        }
        Map<String, byte[]> docs = new LinkedHashMap<>();
        Goldens.documents(Goldens.ROOT.resolve("read").resolve(kind.name()))
                .forEach((name, file) -> docs.put("doc/" + name, Goldens.bytes(file)));
        List<String> quirks = Goldens.lines(Goldens.ROOT.resolve("read").resolve(kind.name() + ".quirks"));
        for (int i = 0; i < quirks.size(); i++) {
            docs.put("quirk/" + (i + 1), quirks.get(i).getBytes(StandardCharsets.UTF_8));
        }
        for (var doc : docs.entrySet()) {
            String outcome = Goldens.outcome(kind.reader(), doc.getValue());
            outcomes.add(doc.getKey() + "\t" + outcome);
            if (outcome.startsWith("ok ")) {
                Object value = kind.reader().apply(doc.getValue());
                rereads.add(doc.getKey() + "\t" + new String(Json.write(value), StandardCharsets.UTF_8));
            }
        }
        Files.write(Goldens.ROOT.resolve("read").resolve(kind.name() + ".outcomes"), outcomes, StandardCharsets.UTF_8);
        Files.write(writeDir.resolveSibling(kind.name() + ".rereads"), rereads, StandardCharsets.UTF_8);
    }
}
