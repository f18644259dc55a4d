package dev.strata.core.image.layout;

import dev.strata.core.StrataException;
import dev.strata.core.image.NamedImage;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the images of an OCI image layout directory, named by their index annotations (see
 * {@link OciLayout#referenceOf}). Manifests and configs are read and verified; layers stay files in the layout,
 * described exactly as their manifest describes them, and are verified by whoever copies them into a store.
 */
public final class OciLayoutReader {
    private final Platform platform;

    /** A reader that picks the host's platform in multi-platform images. */
    public OciLayoutReader() {
        this(Platform.host());
    }

    public OciLayoutReader(Platform platform) {
        this.platform = platform;
    }

    /** Every image the layout's index leads to, in index order. */
    public List<NamedImage> read(Path dir) {
        String action = "read OCI layout " + dir;
        DirectoryBlobs blobs = new DirectoryBlobs(dir, action);
        blobs.read(OciLayout.LAYOUT_FILE, "the layout marker");
        byte[] rawIndex = blobs.read(OciLayout.INDEX_FILE, "the index");
        ImageAssembler assembler = new ImageAssembler(action);
        List<NamedImage> images = new ArrayList<>();
        for (IndexResolver.Resolved resolved : new IndexResolver(blobs, platform, action).resolve(rawIndex, "index.json")) {
            Descriptor descriptor = resolved.manifest();
            byte[] rawManifest = blobs.document(descriptor.digest(), "manifest " + descriptor.digest());
            Manifest manifest = parseManifest(blobs, descriptor, rawManifest);
            byte[] rawConfig = blobs.document(manifest.config().digest(), "config " + manifest.config().digest());
            List<LocalBlob> layers = new ArrayList<>();
            for (Descriptor layer : manifest.layers()) {
                layers.add(blobs.find(layer.digest()).orElseThrow(() -> blobs.corrupt("manifest " + descriptor.digest()
                        + " names layer " + layer.digest() + ", which is not in the layout")));
            }
            images.add(new NamedImage(assembler.fromManifest(rawManifest, manifest, rawConfig, layers), resolved.tags()));
        }
        return images;
    }

    private static Manifest parseManifest(DirectoryBlobs blobs, Descriptor descriptor, byte[] raw) {
        if (raw.length != descriptor.size()) {
            throw blobs.corrupt("manifest " + descriptor.digest() + " is " + raw.length + " bytes, but the index says "
                    + descriptor.size());
        }
        try {
            return Manifest.parse(raw);
        } catch (StrataException e) {
            throw blobs.corrupt("manifest " + descriptor.digest() + " is not a valid image manifest (" + e.getMessage() + ")");
        }
    }
}
