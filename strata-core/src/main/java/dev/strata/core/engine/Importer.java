package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.Compression;
import dev.strata.core.build.ConfigChanges;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.oci.ContainerConfig;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.StoreTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code import}: a root filesystem tarball becomes a one-layer image, as {@code docker import} makes it. */
final class Importer {
    private final LocalStore store;
    private final Clock clock;

    Importer(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Digest run(ImportRequest request, ProgressListener progress) {
        StagedBlob plain = stagePlainTar(request.source());
        try (StoreTransaction tx = store.begin(progress)) {
            String now = Times.format(clock.instant());
            String message = request.message() == null || request.message().isEmpty()
                    ? "Imported from " + request.sourceName() : request.message();
            ContainerConfig config = ConfigChanges.apply(ContainerConfig.EMPTY, request.changes());
            Platform platform = request.platform() == null ? Platform.host() : request.platform();
            ImageConfig imageConfig = new ImageConfig(platform.architecture(), null, config, now,
                    List.of(new ImageConfig.History(now, null, null, message, false)), platform.os(),
                    new ImageConfig.RootFs("layers", List.of(plain.digest())), platform.variant(), message, null, null);
            Image image = new ImportedImage(imageConfig.toJson(), imageConfig, plain);
            Digest id = tx.stage(image, request.reference() == null ? List.of() : List.of(request.reference()), null);
            tx.commit(now);
            return id;
        } finally {
            plain.discard();
        }
    }

    /** Writes the (decompressed) tarball to a staged blob; its digest is the layer's diffID. */
    private StagedBlob stagePlainTar(Source source) {
        try (InputStream raw = source.open(); InputStream plain = Compression.decompressing(raw);
                BlobWriter writer = store.content().writer()) {
            plain.transferTo(writer);
            if (writer.size() == 0) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot import: the tarball is empty");
            }
            return writer.stage(null, -1);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot import: " + e.getMessage(), e);
        }
    }

    /** Where the tarball comes from. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    private record ImportedImage(byte[] rawConfig, ImageConfig config, StagedBlob layer) implements Image {
        @Override
        public byte[] rawManifest() {
            return Json.write(manifest());
        }

        @Override
        public Manifest manifest() {
            return Manifest.oci(new Descriptor(MediaTypes.OCI_CONFIG, Digest.sha256(rawConfig), rawConfig.length),
                    List.of(new Descriptor(MediaTypes.OCI_LAYER, layer.digest(), layer.size())));
        }

        @Override
        public List<Layer> layers() {
            return List.of(new Layer() {
                @Override
                public Descriptor descriptor() {
                    return new Descriptor(MediaTypes.OCI_LAYER, layer.digest(), layer.size());
                }

                @Override
                public Digest diffId() {
                    return layer.digest();
                }

                @Override
                public InputStream open() {
                    try {
                        return Files.newInputStream(layer.file());
                    } catch (IOException e) {
                        throw new StrataException(StrataException.Kind.SYSTEM, "cannot read staged layer: " + e.getMessage(), e);
                    }
                }

                @Override
                public Optional<Path> file() {
                    return Optional.of(layer.file());
                }
            });
        }
    }
}
