package dev.strata.core.image;

import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Manifest;
import java.util.List;

/** An image whose manifest and config are held in memory, as parsed from their raw bytes. Immutable. */
public class LocalImage implements Image {
    private final byte[] rawManifest;
    private final Manifest manifest;
    private final byte[] rawConfig;
    private final ImageConfig config;
    private final List<Layer> layers;

    /** An image over already parsed and checked parts; see {@link ImageAssembler} for the checks. */
    public LocalImage(byte[] rawManifest, Manifest manifest, byte[] rawConfig, ImageConfig config, List<? extends Layer> layers) {
        this.rawManifest = rawManifest.clone();
        this.manifest = manifest;
        this.rawConfig = rawConfig.clone();
        this.config = config;
        this.layers = List.copyOf(layers);
    }

    @Override
    public byte[] rawManifest() {
        return rawManifest.clone();
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public byte[] rawConfig() {
        return rawConfig.clone();
    }

    @Override
    public ImageConfig config() {
        return config;
    }

    @Override
    public List<Layer> layers() {
        return layers;
    }
}
