package dev.strata.core.store;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.core.sys.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local image index: every image and its tags, in one small JSON file replaced by rename, so readers
 * need no lock and always see a whole version. Writers go through {@link #write} under the store lock.
 */
public final class ImageIndex {
    private final Path file;

    public ImageIndex(Path file) {
        this.file = file;
    }

    /** The index as it is now. */
    public Snapshot read() {
        try {
            byte[] raw = Files.readAllBytes(file);
            return new Snapshot(ImageIndexCodec.read(raw, "image index " + file));
        } catch (NoSuchFileException e) {
            return new Snapshot(List.of());
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read the image index: " + e.getMessage(), e);
        }
    }

    /** Replaces the index; the caller holds the store lock. */
    public void write(Snapshot snapshot) {
        List<ImageRecord> sorted = new ArrayList<>(snapshot.images());
        sorted.sort(Comparator.comparing(ImageRecord::id));
        byte[] raw = ImageIndexCodec.write(sorted);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, raw);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot write the image index: " + e.getMessage(), e);
        }
    }

    /** An immutable version of the index with lookups. */
    public static final class Snapshot {
        private final Map<Digest, ImageRecord> byId = new LinkedHashMap<>();
        private final Map<String, Digest> byTag = new LinkedHashMap<>();

        public Snapshot(List<ImageRecord> images) {
            for (ImageRecord image : images) {
                byId.put(image.id(), image);
                for (String tag : image.tags()) {
                    byTag.put(tag, image.id());
                }
            }
        }

        public List<ImageRecord> images() {
            return List.copyOf(byId.values());
        }

        public Optional<ImageRecord> byId(Digest id) {
            return Optional.ofNullable(byId.get(id));
        }

        /** The image a full tag reference ({@code docker.io/library/busybox:latest}) names. */
        public Optional<ImageRecord> byTag(String tag) {
            return Optional.ofNullable(byTag.get(tag)).map(byId::get);
        }

        /** Images whose ID starts with this hex prefix. */
        public List<ImageRecord> byIdPrefix(String hexPrefix) {
            return byId.values().stream().filter(r -> r.id().encoded().startsWith(hexPrefix)).toList();
        }

        /** Images that have a RepoDigest equal to this one. */
        public Optional<ImageRecord> byRepoDigest(String repoDigest) {
            return byId.values().stream().filter(r -> r.repoDigests().contains(repoDigest)).findFirst();
        }

        /** A new snapshot with this image added or replaced. */
        public Snapshot with(ImageRecord record) {
            Map<Digest, ImageRecord> copy = new LinkedHashMap<>(byId);
            copy.put(record.id(), record);
            return new Snapshot(List.copyOf(copy.values()));
        }

        public Snapshot without(Digest id) {
            Map<Digest, ImageRecord> copy = new LinkedHashMap<>(byId);
            copy.remove(id);
            return new Snapshot(List.copyOf(copy.values()));
        }
    }
}
