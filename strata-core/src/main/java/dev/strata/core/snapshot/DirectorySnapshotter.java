package dev.strata.core.snapshot;

import dev.strata.core.StrataException;
import dev.strata.core.archive.ApplyResult;
import dev.strata.core.archive.LayerApplier;
import dev.strata.core.content.Scratch;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.InvalidContentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Snapshots as directories: {@code snapshots/<chainID hex>/fs} is the layer's tree and
 * {@code snapshots/<chainID hex>/snapshot.json} its {@link SnapshotInfo}. Thread-safe.
 */
public final class DirectorySnapshotter implements Snapshotter {
    private static final String FS = "fs";
    private static final String INFO = "snapshot.json";

    private final Path root;
    private final Scratch scratch;
    private final Supplier<LayerApplier> applierFactory;
    private volatile LayerApplier applier;

    /**
     * The applier is made on first use: making one asks the kernel who we are (through the foreign function
     * API), which commands that only read the store should not pay for at start-up.
     */
    public DirectorySnapshotter(Path root, Scratch scratch, Supplier<LayerApplier> applierFactory) {
        this.root = root;
        this.scratch = scratch;
        this.applierFactory = applierFactory;
    }

    private LayerApplier applier() {
        LayerApplier current = applier;
        if (current == null) {
            synchronized (this) {
                if (applier == null) {
                    applier = applierFactory.get();
                }
                current = applier;
            }
        }
        return current;
    }

    private Path dirOf(Digest chainId) {
        return root.resolve(chainId.encoded());
    }

    @Override
    public Optional<SnapshotInfo> info(Digest chainId) {
        try {
            byte[] raw = Files.readAllBytes(dirOf(chainId).resolve(INFO));
            return Optional.of(SnapshotInfo.parse(raw));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read snapshot " + chainId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path diffDirectory(Digest chainId) {
        return dirOf(chainId).resolve(FS);
    }

    @Override
    public List<SnapshotInfo> list() {
        List<SnapshotInfo> all = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return all;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                if (Digest.isDigest("sha256:" + dir.getFileName())) {
                    info(Digest.parse("sha256:" + dir.getFileName())).ifPresent(all::add);
                }
            }
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot list snapshots: " + e.getMessage(), e);
        }
        return all;
    }

    @Override
    public Prepared prepare(LayerSource layer) {
        try {
            return unpack(fs -> {
                try (InputStream in = layer.open()) {
                    return applier().apply(in, fs);
                }
            });
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot unpack layer: " + e.getMessage(), e);
        }
    }

    @Override
    public Prepared prepareWritten(LayerApplier.WrittenLayer layer) throws IOException {
        return unpack(fs -> applier().applyWritten(fs, layer));
    }

    /** Unpacks into the {@code fs} directory of a new staging directory, which goes again if unpacking fails. */
    private Prepared unpack(Unpacking unpacking) throws IOException {
        Path staging = scratch.newDirectory("snapshot");
        try {
            Path fs = Files.createDirectory(staging.resolve(FS));
            return new PreparedDirectory(staging, unpacking.into(fs), null);
        } catch (IOException | RuntimeException e) {
            discardQuietly(staging);
            throw e;
        }
    }

    @FunctionalInterface
    private interface Unpacking {
        ApplyResult into(Path fs) throws IOException;
    }

    @Override
    public Prepared adopt(Path staging, Digest diffId, long size, Runnable giveBack) {
        return new PreparedDirectory(staging, new ApplyResult(diffId, size, 0), giveBack);
    }

    @Override
    public Staged stage(Digest parent, Digest diffId, Prepared prepared) {
        PreparedDirectory unpacked = (PreparedDirectory) prepared;
        try {
            if (!unpacked.diffId().equals(diffId)) {
                throw new InvalidContentException("layer content does not match its diffID: expected " + diffId
                        + ", got " + unpacked.diffId());
            }
            SnapshotInfo info = new SnapshotInfo(ChainId.of(parent, diffId), diffId, parent, unpacked.result().size());
            Files.write(unpacked.staging().resolve(INFO), info.toJson());
            return new StagedDirectory(info, unpacked.staging(), unpacked.giveBack());
        } catch (IOException e) {
            unpacked.discard();
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot stage layer " + diffId.shortHex() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            unpacked.discard();
            throw e;
        }
    }

    /** @param giveBack what discarding an adopted tree does instead of deleting it; null for an unpacked one */
    private record PreparedDirectory(Path staging, ApplyResult result, Runnable giveBack) implements Prepared {
        @Override
        public Digest diffId() {
            return result.diffId();
        }

        @Override
        public void discard() {
            discardStaging(staging, giveBack);
        }
    }

    @Override
    public void remove(Digest chainId) {
        Path dir = dirOf(chainId);
        if (!Files.exists(dir)) {
            return;
        }
        // Rename first so that a half-deleted snapshot is never visible under its chain ID.
        Path doomed = scratch.newPath("removed-snapshot");
        try {
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            Scratch.deleteTree(doomed);
        } catch (NoSuchFileException e) {
            // removed by someone else meanwhile
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot remove snapshot " + chainId + ": " + e.getMessage(), e);
        }
    }

    private static void discardStaging(Path staging, Runnable giveBack) {
        if (giveBack != null) {
            giveBack.run();
        } else {
            discardQuietly(staging);
        }
    }

    private static void discardQuietly(Path staging) {
        try {
            Scratch.deleteTree(staging);
        } catch (IOException e) {
            // the ingest cleanup removes it later
        }
    }

    private final class StagedDirectory implements Staged {
        private final SnapshotInfo info;
        private final Path staging;
        private final Runnable giveBack;

        StagedDirectory(SnapshotInfo info, Path staging, Runnable giveBack) {
            this.info = info;
            this.staging = staging;
            this.giveBack = giveBack;
        }

        @Override
        public SnapshotInfo info() {
            return info;
        }

        @Override
        public boolean publish() {
            Path target = dirOf(info.chainId());
            try {
                Files.createDirectories(root);
                if (Files.exists(target)) {
                    discard();
                    return false;
                }
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                discard();
                return false;
            } catch (AtomicMoveNotSupportedException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot publish snapshot: ingest and snapshots are on different filesystems", e);
            } catch (IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot publish snapshot " + info.chainId() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void discard() {
            if (Files.exists(staging)) { // after publishing it is the snapshot's own directory
                discardStaging(staging, giveBack);
            }
        }
    }
}
