package dev.strata.core.image.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.content.FileContentStore;
import dev.strata.core.content.Scratch;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Test helpers: a store in a directory, small real layer tars, images in the store, and a validator. */
public final class TestImages {
    private TestImages() {}

    /** A content store laid out as Strata's root lays it out: ROOT/blobs and ROOT/ingest. */
    public static FileContentStore store(Path root) {
        return new FileContentStore(root.resolve("blobs"), new Scratch(root.resolve("ingest")));
    }

    /** Files left in the ingest area (other than lock files): staged or half-written blobs. */
    public static List<Path> leftovers(Path root) throws IOException {
        Path ingest = root.resolve("ingest");
        if (!Files.exists(ingest)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(ingest)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock")).toList();
        }
    }

    /** A layer tar holding these files (name → text), with fixed metadata. */
    public static byte[] layerTar(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                entry.setMode(0100644);
                entry.setModTime(1_700_000_000_000L);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] layerTar(String name, String content) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name, content);
        return layerTar(files);
    }

    /** Config bytes for these diffIDs, as a builder would write them (amd64, linux). */
    public static byte[] config(String created, List<Digest> diffIds) {
        String ids = diffIds.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(","));
        String history = diffIds.stream().map(d -> "{\"created\":\"" + created + "\",\"created_by\":\"layer " + d.shortHex() + "\"}")
                .collect(Collectors.joining(","));
        return ("{\"architecture\":\"amd64\",\"config\":{\"Cmd\":[\"/bin/sh\"],\"Env\":[\"PATH=/bin\"]},\"created\":\""
                + created + "\",\"history\":[" + history + "],\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + ids + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Puts uncompressed layers, their config and an OCI manifest into the store, as the local store keeps images. */
    public static StoredImage image(FileContentStore store, String created, byte[]... layers) {
        List<Descriptor> descriptors = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        for (byte[] layer : layers) {
            Digest digest = store.put(layer);
            diffIds.add(digest);
            descriptors.add(new Descriptor(MediaTypes.OCI_LAYER, digest, layer.length));
        }
        byte[] config = config(created, diffIds);
        Digest configDigest = store.put(config);
        byte[] manifest = Manifest.oci(new Descriptor(MediaTypes.OCI_CONFIG, configDigest, config.length), descriptors).toJson();
        return StoredImage.read(store, store.put(manifest));
    }

    /** Checks every digest and size of an image, reading every byte of every layer. */
    public static void assertValid(Image image) {
        byte[] config = image.rawConfig();
        assertThat(Digest.sha256(config)).isEqualTo(image.manifest().config().digest());
        assertThat((long) config.length).isEqualTo(image.manifest().config().size());
        assertThat(image.layers()).hasSameSizeAs(image.manifest().layers());
        assertThat(image.config().diffIds()).hasSameSizeAs(image.layers());
        for (int i = 0; i < image.layers().size(); i++) {
            Layer layer = image.layers().get(i);
            assertThat(layer.descriptor()).isEqualTo(image.manifest().layers().get(i));
            assertThat(layer.diffId()).isEqualTo(image.config().diffIds().get(i));
            MessageDigest sha = Digest.newSha256();
            long size = 0;
            try (InputStream in = layer.open()) {
                byte[] buffer = new byte[65536];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                    size += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(Digest.fromSha256(sha.digest())).isEqualTo(layer.descriptor().digest());
            assertThat(size).isEqualTo(layer.descriptor().size());
            if (LayerMediaTypes.isUncompressed(layer.descriptor().mediaType())) {
                assertThat(layer.descriptor().digest()).isEqualTo(layer.diffId());
            }
        }
    }

    /** A map with entries in the given order. */
    public static Map<String, String> files(String... nameThenContent) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            files.put(nameThenContent[i], nameThenContent[i + 1]);
        }
        return files;
    }
}
