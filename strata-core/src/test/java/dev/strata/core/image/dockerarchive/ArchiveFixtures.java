package dev.strata.core.image.dockerarchive;

import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.layout.TarBuilder;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Index;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds archives in the shapes other tools write, with Commons Compress, from images in a test store. */
final class ArchiveFixtures {
    private ArchiveFixtures() {}

    /**
     * An archive as Docker ≤24's {@code docker save} writes it: {@code <hex>.json} configs, one {@code <id>/}
     * directory per layer with {@code VERSION}, {@code json} and {@code layer.tar}, and a symbolic link for a
     * layer already written under another id. The directories holding links come first in the stream, so every
     * link precedes its target.
     */
    static byte[] oldDocker(List<NamedImage> images, Map<Digest, byte[]> replacedLayers) {
        Map<Digest, String> firstId = new HashMap<>();
        List<TarBuilderStep> links = new ArrayList<>();
        List<TarBuilderStep> dirs = new ArrayList<>();
        List<String> manifest = new ArrayList<>();
        Map<String, Map<String, String>> repositories = new TreeMap<>();
        for (NamedImage named : images) {
            Image image = named.image();
            List<String> layerPaths = new ArrayList<>();
            for (int i = 0; i < image.layers().size(); i++) {
                Layer layer = image.layers().get(i);
                String id = Digest.sha256((image.id() + "/" + i).getBytes(StandardCharsets.UTF_8)).encoded();
                layerPaths.add(id + "/layer.tar");
                String target = firstId.putIfAbsent(layer.diffId(), id);
                byte[] bytes = replacedLayers.getOrDefault(layer.diffId(), bytes(layer));
                if (target == null) {
                    dirs.add(tar -> legacyDir(tar, id).file(id + "/layer.tar", bytes));
                } else {
                    links.add(tar -> legacyDir(tar, id).symlink(id + "/layer.tar", "../" + target + "/layer.tar"));
                }
            }
            String tags = named.tags().stream().map(t -> "\"" + t.familiar() + "\"").collect(Collectors.joining(","));
            manifest.add("{\"Config\":\"" + image.id().encoded() + ".json\",\"RepoTags\":" + (tags.isEmpty() ? "null" : "[" + tags + "]")
                    + ",\"Layers\":[" + layerPaths.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",")) + "]}");
            for (Reference tag : named.tags()) {
                repositories.computeIfAbsent(tag.familiarName(), n -> new TreeMap<>()).put(tag.tag(), "x");
            }
        }
        TarBuilder tar = new TarBuilder();
        links.forEach(step -> step.apply(tar));
        dirs.forEach(step -> step.apply(tar));
        for (NamedImage named : images) {
            tar.file(named.image().id().encoded() + ".json", named.image().rawConfig());
        }
        tar.file("manifest.json", "[" + String.join(",", manifest) + "]\n");
        tar.file("repositories", new String(Json.write(repositories), StandardCharsets.UTF_8));
        return tar.build();
    }

    private static TarBuilder legacyDir(TarBuilder tar, String id) {
        return tar.dir(id).file(id + "/VERSION", "1.0").file(id + "/json", "{\"id\":\"" + id + "\"}");
    }

    private interface TarBuilderStep {
        void apply(TarBuilder tar);
    }

    /**
     * An OCI archive as {@code skopeo copy … oci-archive:} or containerd export writes it: oci-layout, index.json and
     * blobs. With {@code nested}, the index entry is a multi-platform index whose arm64 manifest's blobs are absent
     * and whose amd64 manifest is the image's.
     */
    static byte[] ociArchive(Image image, Map<String, String> annotations, boolean nested) {
        TarBuilder tar = new TarBuilder().file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}").dir("blobs").dir("blobs/sha256");
        blob(tar, image.rawConfig());
        for (Layer layer : image.layers()) {
            blob(tar, bytes(layer));
        }
        Descriptor manifest = blob(tar, image.rawManifest()).withAnnotations(Map.of());
        Descriptor entry = new Descriptor(MediaTypes.OCI_MANIFEST, manifest.digest(), manifest.size());
        if (nested) {
            Descriptor arm = new Descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256("absent".getBytes(StandardCharsets.UTF_8)), 6,
                    Map.of(), new Platform("arm64", "linux", "v8"));
            Descriptor amd = new Descriptor(MediaTypes.OCI_MANIFEST, manifest.digest(), manifest.size(), Map.of(),
                    new Platform("amd64", "linux", null));
            byte[] index = Index.oci(List.of(arm, amd)).toJson();
            Descriptor indexBlob = blob(tar, index);
            entry = new Descriptor(MediaTypes.OCI_INDEX, indexBlob.digest(), indexBlob.size());
        }
        tar.file("index.json", Index.oci(List.of(entry.withAnnotations(annotations))).toJson());
        return tar.build();
    }

    private static Descriptor blob(TarBuilder tar, byte[] bytes) {
        Digest digest = Digest.sha256(bytes);
        tar.file("blobs/sha256/" + digest.encoded(), bytes);
        return new Descriptor(null, digest, bytes.length);
    }

    static byte[] bytes(Layer layer) {
        try (InputStream in = layer.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
