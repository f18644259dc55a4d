package dev.strata.core.image.layout;

import dev.strata.core.StrataException;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Index;
import dev.strata.core.oci.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes images into an OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/sha256}),
 * so that {@code umoci unpack --image DIR:TAG} and {@code skopeo … oci:DIR:TAG} find them. Index entries are named
 * as Docker names them: {@code org.opencontainers.image.ref.name} is the tag and {@code io.containerd.image.name}
 * the full name; an untagged image gets one entry without names. An existing layout is added to: its entries
 * for the same names are replaced, the rest kept. Blobs already present are not rewritten. Not safe for two
 * writers of one directory at once.
 */
public final class OciLayoutWriter {

    /** Writes the images (their configs, layers and manifests) and names them in the index. */
    public void write(List<NamedImage> images, Path dir) {
        try {
            List<NamedImage> distinct = DistinctImages.of(images);
            Files.createDirectories(dir.resolve(OciLayout.BLOBS));
            if (!Files.exists(dir.resolve(OciLayout.LAYOUT_FILE))) {
                LayoutFiles.writeAtomically(dir.resolve(OciLayout.LAYOUT_FILE), OciLayout.layoutFileContent());
            }
            List<Descriptor> added = new ArrayList<>();
            for (NamedImage named : distinct) {
                added.addAll(writeImage(named, dir));
            }
            List<Descriptor> entries = new ArrayList<>(kept(existingIndex(dir), added));
            entries.addAll(added);
            LayoutFiles.writeAtomically(dir.resolve(OciLayout.INDEX_FILE), Index.oci(entries).toJson());
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot write OCI layout " + dir + ": " + e.getMessage(), e);
        }
    }

    private List<Descriptor> writeImage(NamedImage named, Path dir) throws IOException {
        Image image = named.image();
        if (image.layers().size() != image.manifest().layers().size()) {
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot write OCI layout " + dir + ": image "
                    + image.id().shortHex() + " has " + image.layers().size() + " layers but its manifest lists "
                    + image.manifest().layers().size());
        }
        writeBytes(dir, image.id(), image.rawConfig());
        for (Layer layer : image.layers()) {
            Path target = blobFile(dir, layer.descriptor().digest());
            if (!hasBlob(target, layer.descriptor().size())) {
                LayoutFiles.copyLayer(layer, target);
            }
        }
        Descriptor manifest = image.manifestDescriptor();
        writeBytes(dir, manifest.digest(), image.rawManifest());
        if (named.tags().isEmpty()) {
            return List.of(manifest);
        }
        List<Descriptor> entries = new ArrayList<>();
        for (Reference tag : named.tags()) {
            entries.add(manifest.withAnnotations(OciLayout.nameAnnotations(tag)));
        }
        return entries;
    }

    private static void writeBytes(Path dir, Digest digest, byte[] bytes) throws IOException {
        Path target = blobFile(dir, digest);
        if (!hasBlob(target, bytes.length)) {
            LayoutFiles.writeAtomically(target, bytes);
        }
    }

    private static Path blobFile(Path dir, Digest digest) throws IOException {
        Path target = dir.resolve(OciLayout.blobPath(digest));
        Files.createDirectories(target.getParent());
        return target;
    }

    private static boolean hasBlob(Path target, long size) throws IOException {
        return Files.isRegularFile(target) && Files.size(target) == size;
    }

    private static Index existingIndex(Path dir) throws IOException {
        Path index = dir.resolve(OciLayout.INDEX_FILE);
        if (!Files.exists(index)) {
            return Index.oci(List.of());
        }
        if (Files.size(index) > StoredImage.MAX_DOCUMENT) {
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot write OCI layout " + dir
                    + ": its index.json is larger than " + StoredImage.MAX_DOCUMENT + " bytes");
        }
        try {
            return Index.parse(Files.readAllBytes(index));
        } catch (StrataException e) {
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot write OCI layout " + dir
                    + ": its index.json is not valid (" + e.getMessage() + ")", e);
        }
    }

    /** The existing entries that none of the added ones replaces (same full name, same bare tag, or same untagged manifest). */
    private static List<Descriptor> kept(Index existing, List<Descriptor> added) {
        Set<String> names = new HashSet<>();
        Set<String> refNames = new HashSet<>();
        Set<Digest> untagged = new HashSet<>();
        for (Descriptor d : added) {
            if (d.annotations().isEmpty()) {
                untagged.add(d.digest());
            }
            names.add(d.annotations().get(OciLayout.IMAGE_NAME));
            refNames.add(d.annotations().get(OciLayout.REF_NAME));
        }
        return existing.manifests().stream().filter(d -> {
            String name = d.annotations().get(OciLayout.IMAGE_NAME);
            String refName = d.annotations().get(OciLayout.REF_NAME);
            if (name != null) {
                return !names.contains(name);
            }
            if (refName != null) {
                return !refNames.contains(refName);
            }
            return !untagged.contains(d.digest());
        }).toList();
    }
}
