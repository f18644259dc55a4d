package dev.strata.core.image.layout;

import dev.strata.core.image.LocalImage;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an image's config against its layer blobs and builds a {@link LocalImage}. A plain-tar layer's digest
 * must equal its diffID (checked here, for free); a compressed layer's diffID can only be checked by whoever
 * decompresses it. Every failure is a {@link StrataException.Kind#CORRUPT} "cannot ACTION: …".
 */
public final class ImageAssembler {
    private final String action;

    /** An assembler whose errors say they failed to {@code action} (e.g. "load archive"). */
    public ImageAssembler(String action) {
        this.action = action;
    }

    /** A layer blob and the name errors give it (an archive path, or a digest). */
    public record Part(String label, LocalBlob blob) {}

    /**
     * The image these blobs make, with a synthesised OCI manifest: the config descriptor and one layer
     * descriptor per blob, whose media type is what the blob's first bytes say (plain tar, gzip or zstd).
     */
    public LocalImage synthesise(byte[] rawConfig, Digest configDigest, String configLabel, List<Part> layers) {
        ImageConfig config = parseConfig(rawConfig, configLabel);
        List<Digest> diffIds = checkCount(config, configLabel, layers.size());
        List<Descriptor> descriptors = new ArrayList<>();
        List<FileLayer> fileLayers = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Part part = layers.get(i);
            LocalBlob blob = part.blob();
            Descriptor descriptor = new Descriptor(LayerMediaTypes.sniff(blob.head()), blob.digest(), blob.size());
            checkDiffId(part.label(), descriptor, diffIds.get(i));
            descriptors.add(descriptor);
            fileLayers.add(new FileLayer(descriptor, diffIds.get(i), blob.file()));
        }
        Descriptor configDescriptor = new Descriptor(MediaTypes.OCI_CONFIG, configDigest, rawConfig.length);
        Manifest manifest = Manifest.oci(configDescriptor, descriptors);
        return new LocalImage(manifest.toJson(), manifest, rawConfig, config, fileLayers);
    }

    /**
     * The image a stored manifest describes, keeping the manifest's bytes and media types; {@code layers} are
     * the blobs of {@code manifest.layers()}, in order, already found by digest.
     */
    public LocalImage fromManifest(byte[] rawManifest, Manifest manifest, byte[] rawConfig, List<LocalBlob> layers) {
        String configLabel = manifest.config().digest().toString();
        if (manifest.config().size() != rawConfig.length) {
            throw corrupt("config " + configLabel + " is " + rawConfig.length + " bytes, but its manifest says "
                    + manifest.config().size());
        }
        ImageConfig config = parseConfig(rawConfig, configLabel);
        List<Digest> diffIds = checkCount(config, configLabel, manifest.layers().size());
        List<FileLayer> fileLayers = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Descriptor descriptor = manifest.layers().get(i);
            LocalBlob blob = layers.get(i);
            if (!blob.digest().equals(descriptor.digest()) || blob.size() != descriptor.size()) {
                throw corrupt("layer " + descriptor.digest() + " is " + blob.size() + " bytes with digest "
                        + blob.digest() + ", but its manifest says " + descriptor.size() + " bytes");
            }
            checkDiffId(descriptor.digest().toString(), descriptor, diffIds.get(i));
            fileLayers.add(new FileLayer(descriptor, diffIds.get(i), blob.file()));
        }
        return new LocalImage(rawManifest, manifest, rawConfig, config, fileLayers);
    }

    private ImageConfig parseConfig(byte[] rawConfig, String label) {
        try {
            return ImageConfig.parse(rawConfig);
        } catch (StrataException e) {
            throw corrupt("config " + label + " is not a valid image config (" + e.getMessage() + ")");
        }
    }

    private List<Digest> checkCount(ImageConfig config, String configLabel, int layerCount) {
        List<Digest> diffIds = config.diffIds();
        if (diffIds.size() != layerCount) {
            throw corrupt("config " + configLabel + " lists " + diffIds.size() + " diffIDs (rootfs.diff_ids), but the image has "
                    + layerCount + " layers");
        }
        return diffIds;
    }

    private void checkDiffId(String label, Descriptor descriptor, Digest diffId) {
        if (LayerMediaTypes.isUncompressed(descriptor.mediaType()) && !descriptor.digest().equals(diffId)) {
            throw corrupt("layer " + label + " has digest " + descriptor.digest() + ", but its config expects diffID " + diffId);
        }
    }

    private StrataException corrupt(String reason) {
        return new StrataException(StrataException.Kind.CORRUPT, "cannot " + action + ": " + reason);
    }
}
