package dev.strata.core.image.dockerarchive;

import dev.strata.core.StrataException;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.layout.ImageAssembler;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * The images Docker's {@code manifest.json} describes, in Docker ≤24's layout ({@code <hex>.json},
 * {@code <id>/layer.tar}), Docker 25's ({@code blobs/sha256/<hex>}) or skopeo's ({@code <hex>.tar}): files are
 * found by the paths it names, through links. It is authoritative for names and layer order.
 */
final class DockerManifestImages {
    static final String FILE = "manifest.json";

    private DockerManifestImages() {}

    static Selection read(ArchiveContents contents) {
        DockerManifestEntry[] entries = parse(contents.document(FILE, FILE));
        ImageAssembler assembler = new ImageAssembler(LoadFailure.ACTION);
        List<NamedImage> images = new ArrayList<>();
        List<StagedBlob> needed = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            DockerManifestEntry entry = entries[i];
            if (entry == null || entry.config() == null) {
                throw LoadFailure.corrupt(FILE + " entry " + (i + 1) + " names no Config");
            }
            StagedEntry config = named(contents, "config", entry.config());
            byte[] rawConfig = contents.documentOf(config, "config \"" + entry.config() + "\"");
            List<ImageAssembler.Part> layers = new ArrayList<>();
            for (String path : entry.layers()) {
                StagedEntry layer = named(contents, "layer", path);
                layers.add(new ImageAssembler.Part("\"" + path + "\"", layer.local()));
                needed.add(layer.blob());
            }
            needed.add(config.blob());
            images.add(new NamedImage(assembler.synthesise(rawConfig, config.blob().digest(), "\"" + entry.config() + "\"", layers),
                    tags(entry)));
        }
        return new Selection(images, needed);
    }

    private static DockerManifestEntry[] parse(byte[] raw) {
        try {
            return Json.read(raw, DockerManifestEntry[].class, FILE);
        } catch (StrataException e) {
            throw LoadFailure.corrupt(FILE + " is not a valid Docker image manifest (" + e.getMessage() + ")", e);
        }
    }

    private static StagedEntry named(ArchiveContents contents, String what, String path) {
        return contents.lookup(path).orElseThrow(() -> LoadFailure.corrupt(FILE + " names " + what + " \"" + path
                + "\", which is not in the archive"));
    }

    private static List<Reference> tags(DockerManifestEntry entry) {
        List<Reference> tags = new ArrayList<>();
        for (String text : entry.tags()) {
            Reference tag = Reference.tryParse(text).filter(Reference::isTagged)
                    .orElseThrow(() -> LoadFailure.corrupt(FILE + " has an invalid tag \"" + text + "\""));
            tags.add(tag.withTag(tag.tag()));
        }
        return tags;
    }
}
