package dev.strata.core.image.dockerarchive;

import dev.strata.core.StrataException;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.layout.ImageAssembler;
import dev.strata.core.image.layout.IndexResolver;
import dev.strata.core.image.layout.OciLayout;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * The images of an archive that is an OCI image layout without Docker's manifest.json (skopeo's
 * {@code oci-archive}, containerd's export): found through {@code index.json}, nested indexes resolved to one
 * platform, names taken from the entries' annotations.
 */
final class OciIndexImages {
    private OciIndexImages() {}

    static Selection read(ArchiveContents contents, Platform platform) {
        byte[] rawIndex = contents.document(OciLayout.INDEX_FILE, OciLayout.INDEX_FILE);
        ImageAssembler assembler = new ImageAssembler(LoadFailure.ACTION);
        List<NamedImage> images = new ArrayList<>();
        List<StagedBlob> needed = new ArrayList<>();
        for (IndexResolver.Resolved resolved : new IndexResolver(contents, platform, LoadFailure.ACTION)
                .resolve(rawIndex, OciLayout.INDEX_FILE)) {
            Descriptor manifestDescriptor = resolved.manifest();
            Manifest manifest = manifest(contents, manifestDescriptor);
            Descriptor configDescriptor = manifest.config();
            StagedEntry config = blob(contents, manifestDescriptor, "config", configDescriptor);
            byte[] rawConfig = contents.documentOf(config, "config " + configDescriptor.digest());
            List<ImageAssembler.Part> layers = new ArrayList<>();
            for (Descriptor layerDescriptor : manifest.layers()) {
                StagedEntry layer = blob(contents, manifestDescriptor, "layer", layerDescriptor);
                layers.add(new ImageAssembler.Part(layerDescriptor.digest().toString(), layer.local()));
                needed.add(layer.blob());
            }
            needed.add(config.blob());
            images.add(new NamedImage(assembler.synthesise(rawConfig, configDescriptor.digest(),
                    configDescriptor.digest().toString(), layers), resolved.tags()));
        }
        return new Selection(images, needed);
    }

    private static Manifest manifest(ArchiveContents contents, Descriptor descriptor) {
        byte[] raw = contents.document(descriptor.digest(), "manifest " + descriptor.digest());
        if (raw.length != descriptor.size()) {
            throw LoadFailure.corrupt("manifest " + descriptor.digest() + " is " + raw.length
                    + " bytes, but index.json says " + descriptor.size());
        }
        try {
            return Manifest.parse(raw);
        } catch (StrataException e) {
            throw LoadFailure.corrupt("manifest " + descriptor.digest() + " is not a valid image manifest ("
                    + e.getMessage() + ")", e);
        }
    }

    private static StagedEntry blob(ArchiveContents contents, Descriptor manifest, String what, Descriptor descriptor) {
        StagedEntry entry = contents.entryFor(descriptor.digest()).orElseThrow(() -> LoadFailure.corrupt("manifest "
                + manifest.digest() + " names " + what + " " + descriptor.digest() + ", which is not in the archive"));
        if (entry.blob().size() != descriptor.size()) {
            throw LoadFailure.corrupt(what + " " + descriptor.digest() + " is " + entry.blob().size()
                    + " bytes, but its manifest says " + descriptor.size());
        }
        return entry;
    }
}
