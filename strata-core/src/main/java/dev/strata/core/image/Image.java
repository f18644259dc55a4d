package dev.strata.core.image;

import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Manifest;
import java.util.List;

/**
 * A read-only image from some medium (the local store, an archive, a layout, a registry): a manifest, the
 * config it names and the layers it lists. Raw bytes are kept because digests are of bytes, never of
 * re-encoded JSON. Implementations are immutable.
 */
public interface Image {
    /** The manifest exactly as stored. */
    byte[] rawManifest();

    Manifest manifest();

    /** The config exactly as stored; its digest is the image ID. */
    byte[] rawConfig();

    ImageConfig config();

    /** The layers, bottom first, aligned with {@code manifest().layers()} and the config's diffIDs. */
    List<Layer> layers();

    /** The image ID: the digest of the config bytes, as Docker computes it. */
    default Digest id() {
        return manifest().config().digest();
    }

    /** A descriptor of the manifest bytes. */
    default Descriptor manifestDescriptor() {
        byte[] raw = rawManifest();
        String mediaType = manifest().mediaType() == null ? dev.strata.core.oci.MediaTypes.OCI_MANIFEST : manifest().mediaType();
        return new Descriptor(mediaType, Digest.sha256(raw), raw.length);
    }
}
