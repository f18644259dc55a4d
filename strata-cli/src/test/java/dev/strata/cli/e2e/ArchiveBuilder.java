package dev.strata.cli.e2e;

import dev.strata.core.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes archives in the pre-25 {@code docker save} format ({@code manifest.json}, {@code <id>.json},
 * {@code <n>/layer.tar}) by hand, so tests can make multi-layer images and damaged archives.
 */
final class ArchiveBuilder {
    private final List<byte[]> layers = new ArrayList<>();
    private final List<Digest> diffIds = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private String created = "2024-01-01T00:00:00Z";

    static byte[] layer(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
                TestImages.file(out, e.getKey(), e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    ArchiveBuilder layer(byte[] tar) {
        layers.add(tar);
        diffIds.add(Digest.sha256(tar));
        return this;
    }

    /** A layer stored gzip-compressed in the archive, as Docker also accepts. */
    ArchiveBuilder gzipLayer(byte[] tar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(tar);
        }
        layers.add(bytes.toByteArray());
        diffIds.add(Digest.sha256(tar));
        return this;
    }

    ArchiveBuilder tag(String tag) {
        tags.add(tag);
        return this;
    }

    ArchiveBuilder created(String time) {
        created = time;
        return this;
    }

    byte[] config() {
        StringBuilder history = new StringBuilder();
        StringBuilder ids = new StringBuilder();
        for (Digest diffId : this.diffIds) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(diffId).append('"');
            history.append(history.isEmpty() ? "" : ",").append("{\"created\":\"").append(created)
                    .append("\",\"created_by\":\"/bin/sh -c #(nop) ADD layer\"}");
        }
        return ("{\"architecture\":\"amd64\",\"config\":{\"Cmd\":[\"sh\"]},\"created\":\"" + created
                + "\",\"history\":[" + history + "],\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + ids + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    String id() {
        return Digest.sha256(config()).toString();
    }

    void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, Map.of());
        }
    }

    /** Writes the archive; {@code damage} replaces the bytes of named entries (null content drops the entry). */
    void write(OutputStream raw, Map<String, byte[]> damage) throws IOException {
        byte[] config = config();
        String configName = Digest.sha256(config).encoded() + ".json";
        StringBuilder layerNames = new StringBuilder();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(raw)) {
            for (int i = 0; i < layers.size(); i++) {
                String name = i + "/layer.tar";
                layerNames.append(i == 0 ? "" : ",").append('"').append(name).append('"');
                entry(out, name, layers.get(i), damage);
            }
            entry(out, configName, config, damage);
            StringBuilder repoTags = new StringBuilder();
            for (String tag : tags) {
                repoTags.append(repoTags.isEmpty() ? "" : ",").append('"').append(tag).append('"');
            }
            String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[" + repoTags + "],\"Layers\":["
                    + layerNames + "]}]";
            entry(out, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8), damage);
        }
    }

    private static void entry(TarArchiveOutputStream out, String name, byte[] content, Map<String, byte[]> damage)
            throws IOException {
        byte[] bytes = damage.containsKey(name) ? damage.get(name) : content;
        if (bytes == null) {
            return;
        }
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        out.putArchiveEntry(entry);
        out.write(bytes);
        out.closeArchiveEntry();
    }
}
