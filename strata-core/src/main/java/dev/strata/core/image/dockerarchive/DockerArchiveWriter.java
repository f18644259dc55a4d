package dev.strata.core.image.dockerarchive;

import dev.strata.core.StrataException;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.layout.DistinctImages;
import dev.strata.core.image.layout.OciLayout;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Index;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes images as one tar stream in the layout Docker 25+ {@code docker save} writes, which Docker old and new
 * and skopeo all read: {@code blobs/sha256/<hex>} for every config, layer and manifest (each once, however many
 * images share it), an OCI {@code index.json} with one entry per tag, Docker's {@code manifest.json}, {@code
 * oci-layout} and the legacy {@code repositories}. Docker's unreferenced v1 layer configs are not written.
 *
 * <p>The output is a function of the images alone. Entries come in Docker's order (directories, blobs by
 * digest, then index.json, manifest.json, oci-layout, repositories); each config and layer blob carries the
 * creation time of the first image that holds it, as Docker sets it, and every other entry the Unix epoch
 * (Docker gives index.json the current time, which we do not copy). Blobs are never re-digested: the store
 * verified them. A layer that is a local file is copied with {@code transferTo} when {@code out} is a {@link
 * java.io.FileOutputStream}. Stateless and thread-safe.
 */
public final class DockerArchiveWriter {
    private static final String MANIFEST_JSON = "manifest.json";
    private static final String REPOSITORIES = "repositories";

    /** Writes the images and their tags to {@code out}; {@code out} is flushed, not closed. */
    public void write(List<NamedImage> images, OutputStream out) {
        List<NamedImage> distinct = DistinctImages.of(images);
        Map<Digest, Blob> blobs = new TreeMap<>();
        List<Descriptor> index = new ArrayList<>();
        List<DockerManifestEntry> manifest = new ArrayList<>();
        Map<String, Map<String, String>> repositories = new TreeMap<>();
        for (NamedImage named : distinct) {
            Image image = named.image();
            checkLayers(image);
            Instant created = image.config().createdInstant();
            blobs.putIfAbsent(image.id(), new Blob(image.rawConfig(), null, created));
            List<String> layerPaths = new ArrayList<>();
            for (Layer layer : image.layers()) {
                blobs.putIfAbsent(layer.descriptor().digest(), new Blob(null, layer, created));
                layerPaths.add(OciLayout.blobPath(layer.descriptor().digest()));
            }
            Descriptor manifestDescriptor = image.manifestDescriptor();
            blobs.putIfAbsent(manifestDescriptor.digest(), new Blob(image.rawManifest(), null, Instant.EPOCH));
            List<String> repoTags = new ArrayList<>();
            for (Reference tag : named.tags()) {
                index.add(manifestDescriptor.withAnnotations(OciLayout.nameAnnotations(tag)));
                repoTags.add(tag.familiar());
                if (!image.layers().isEmpty()) {
                    repositories.computeIfAbsent(tag.familiarName(), n -> new TreeMap<>())
                            .put(tag.tag(), image.layers().getLast().diffId().encoded());
                }
            }
            if (named.tags().isEmpty()) {
                index.add(manifestDescriptor);
            }
            manifest.add(DockerManifestEntry.of(OciLayout.blobPath(image.id()), repoTags, layerPaths));
        }
        try {
            TarSink tar = new TarSink(out);
            writeBlobs(tar, blobs);
            tar.file(OciLayout.INDEX_FILE, Index.oci(index).toJson(), Instant.EPOCH);
            tar.file(MANIFEST_JSON, goEncoded(manifest), Instant.EPOCH);
            tar.file(OciLayout.LAYOUT_FILE, OciLayout.layoutFileContent(), Instant.EPOCH);
            if (!repositories.isEmpty()) {
                tar.file(REPOSITORIES, goEncoded(repositories), Instant.EPOCH);
            }
            tar.finish();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot save images: " + e.getMessage(), e);
        }
    }

    private static void checkLayers(Image image) {
        if (image.layers().size() != image.manifest().layers().size()) {
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot save images: image " + image.id().shortHex()
                    + " has " + image.layers().size() + " layers but its manifest lists " + image.manifest().layers().size());
        }
    }

    private static void writeBlobs(TarSink tar, Map<Digest, Blob> blobs) throws IOException {
        tar.directory(OciLayout.BLOBS, Instant.EPOCH);
        String algorithm = null;
        for (Map.Entry<Digest, Blob> entry : blobs.entrySet()) {
            Digest digest = entry.getKey();
            if (!digest.algorithm().equals(algorithm)) {
                algorithm = digest.algorithm();
                tar.directory(OciLayout.BLOBS + "/" + algorithm, Instant.EPOCH);
            }
            entry.getValue().writeTo(tar, OciLayout.blobPath(digest));
        }
    }

    /** JSON as Go's json.Encoder writes it: compact, then a newline. */
    private static byte[] goEncoded(Object value) {
        byte[] json = Json.write(value);
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = (byte) '\n';
        return withNewline;
    }

    /** One blob to write: small bytes, or a layer. */
    private record Blob(byte[] bytes, Layer layer, Instant mtime) {
        void writeTo(TarSink tar, String name) throws IOException {
            if (bytes != null) {
                tar.file(name, bytes, mtime);
                return;
            }
            long size = layer.descriptor().size();
            Optional<Path> file = layer.file();
            if (file.isPresent()) {
                tar.file(name, file.get(), size, mtime);
                return;
            }
            try (InputStream in = layer.open()) {
                tar.file(name, in, size, mtime);
            }
        }
    }
}
