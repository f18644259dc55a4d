package dev.strata.core.image;

import dev.strata.core.content.ContentProvider;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.Manifest;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An image whose manifest, config and layers are blobs of a content store. Immutable. */
public final class StoredImage extends LocalImage {
    /** Manifests and configs larger than this are refused as hostile. */
    public static final int MAX_DOCUMENT = 4 << 20;

    private StoredImage(byte[] rawManifest, Manifest manifest, byte[] rawConfig, ImageConfig config, List<Layer> layers) {
        super(rawManifest, manifest, rawConfig, config, layers);
    }

    /** Reads the image whose manifest is this blob; checks that config and manifest agree on the layers. */
    public static StoredImage read(ContentProvider content, Digest manifestDigest) {
        byte[] rawManifest = content.read(manifestDigest, MAX_DOCUMENT);
        return of(content, rawManifest);
    }

    /** The image these manifest bytes describe, with blobs from {@code content}. */
    public static StoredImage of(ContentProvider content, byte[] rawManifest) {
        Manifest manifest = Manifest.parse(rawManifest);
        byte[] rawConfig = content.read(manifest.config().digest(), MAX_DOCUMENT);
        ImageConfig config = ImageConfig.parse(rawConfig);
        List<Digest> diffIds = config.diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new InvalidContentException("image " + manifest.config().digest().shortHex() + " lists "
                    + manifest.layers().size() + " layers but its config has " + diffIds.size() + " diffIDs");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            layers.add(new StoredLayer(content, manifest.layers().get(i), diffIds.get(i)));
        }
        return new StoredImage(rawManifest, manifest, rawConfig, config, List.copyOf(layers));
    }

    private record StoredLayer(ContentProvider content, Descriptor descriptor, Digest diffId) implements Layer {
        @Override
        public InputStream open() {
            return content.open(descriptor.digest());
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(content.file(descriptor.digest()));
        }
    }
}
