package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.container.Container;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.ImageResolver;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.StoreLock;
import dev.strata.core.snapshot.SnapshotInfo;
import dev.strata.core.snapshot.ChainId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rmi} and {@code image prune}: untags and deletes images with Docker's rules, then removes the blobs
 * and snapshots no remaining image uses. Everything happens under the store lock, so a concurrent load never
 * loses a layer it counted on.
 */
final class Remover {
    private final LocalStore store;
    private final java.util.function.Supplier<List<Container>> containers;
    private List<Container> known;

    /** {@code containers} lists the store's containers: an image one of them uses is not deleted. */
    Remover(LocalStore store, java.util.function.Supplier<List<Container>> containers) {
        this.store = store;
        this.containers = containers;
    }

    /** Removes one image name or ID; returns Docker's {@code Untagged:}/{@code Deleted:} lines. */
    List<String> remove(String name, boolean force, boolean prune) {
        try (StoreLock.Held held = store.lock().acquire()) {
            ImageIndex.Snapshot index = store.index().read();
            ImageRecord image = ImageResolver.resolve(index, name);
            List<String> lines = new ArrayList<>();
            Optional<String> byTag = tagNamed(image, name);
            List<Container> users = usersOf(image.id());
            if (byTag.isPresent()) {
                if (image.tags().size() == 1 && !users.isEmpty() && !force) {
                    throw new StrataException(StrataException.Kind.CONFLICT, "conflict: unable to remove repository "
                            + "reference \"" + name + "\" (must force) - container " + users.getFirst().record().shortId()
                            + " is using its referenced image " + image.id().shortHex());
                }
                index = untag(index, image, byTag.get(), lines);
                image = index.byId(image.id()).orElseThrow();
                if (!image.tags().isEmpty() || hasChildren(index, image.id()) || !users.isEmpty()) {
                    store.index().write(index);
                    return lines;
                }
            } else {
                checkNotUsed(image, users, force);
                Set<String> repositories = new HashSet<>();
                image.tags().forEach(t -> repositories.add(Reference.parse(t).name()));
                if (repositories.size() > 1 && !force) {
                    throw new StrataException(StrataException.Kind.CONFLICT, "conflict: unable to delete "
                            + image.id().shortHex() + " (must be forced) - image is referenced in multiple repositories");
                }
                if (hasChildren(index, image.id())) {
                    throw new StrataException(StrataException.Kind.CONFLICT, "conflict: unable to delete "
                            + image.id().shortHex() + " (cannot be forced) - image has dependent child images");
                }
                for (String tag : List.copyOf(image.tags())) {
                    index = untag(index, image, tag, lines);
                }
                if (!users.isEmpty()) {
                    // forced: the image loses its names but stays, for the containers made from it (as Docker)
                    store.index().write(index);
                    return lines;
                }
            }
            index = delete(index, index.byId(image.id()).orElseThrow(), prune, lines);
            store.index().write(index);
            collectGarbage(index, lines);
            return lines;
        }
    }

    /** Removes dangling images (or, with {@code all}, every image no container uses); returns the lines. */
    PruneReport prune(boolean all) {
        try (StoreLock.Held held = store.lock().acquire()) {
            ImageIndex.Snapshot index = store.index().read();
            long before = usedBytes();
            List<String> lines = new ArrayList<>();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (ImageRecord image : index.images()) {
                    if ((all || image.tags().isEmpty()) && !hasChildren(index, image.id())
                            && usersOf(image.id()).isEmpty()) {
                        for (String tag : List.copyOf(image.tags())) {
                            index = untag(index, image, tag, lines);
                        }
                        index = delete(index, index.byId(image.id()).orElseThrow(), false, lines);
                        changed = true;
                    }
                }
            }
            store.index().write(index);
            collectGarbage(index, lines);
            return new PruneReport(lines, Math.max(0, before - usedBytes()));
        }
    }

    /** What prune removed and how many bytes of layers that freed. */
    record PruneReport(List<String> lines, long reclaimed) {}

    /** The store's containers, read once per operation (a prune asks for every image). */
    private List<Container> containers() {
        if (known == null) {
            known = containers.get();
        }
        return known;
    }

    private List<Container> usersOf(Digest imageId) {
        return containers().stream().filter(c -> c.record().imageId().equals(imageId.toString())).toList();
    }

    private static void checkNotUsed(ImageRecord image, List<Container> users, boolean force) {
        for (Container c : users) {
            if (c.state().status().isActive()) {
                throw new StrataException(StrataException.Kind.CONFLICT, "conflict: unable to delete "
                        + image.id().shortHex() + " (cannot be forced) - image is being used by running container "
                        + c.record().shortId());
            }
        }
        if (!users.isEmpty() && !force) {
            throw new StrataException(StrataException.Kind.CONFLICT, "conflict: unable to delete " + image.id().shortHex()
                    + " (must be forced) - image is being used by stopped container " + users.getFirst().record().shortId());
        }
    }

    private static Optional<String> tagNamed(ImageRecord image, String name) {
        return Reference.tryParse(name)
                .filter(r -> r.digest() == null)
                .map(r -> r.withDefaultTag().toString())
                .filter(image.tags()::contains);
    }

    private static ImageIndex.Snapshot untag(ImageIndex.Snapshot index, ImageRecord image, String tag, List<String> lines) {
        ImageRecord current = index.byId(image.id()).orElseThrow();
        List<String> rest = new ArrayList<>(current.tags());
        rest.remove(tag);
        lines.add("Untagged: " + Reference.parse(tag).familiar());
        return index.with(current.withTags(rest, current.lastTagTime()));
    }

    private ImageIndex.Snapshot delete(ImageIndex.Snapshot index, ImageRecord image, boolean prune, List<String> lines) {
        ImageIndex.Snapshot result = index.without(image.id());
        lines.add("Deleted: " + image.id());
        if (prune && image.parent() != null) {
            Optional<ImageRecord> parent = result.byId(image.parent());
            if (parent.isPresent() && parent.get().tags().isEmpty() && !hasChildren(result, parent.get().id())) {
                result = delete(result, parent.get(), true, lines);
            }
        }
        return result;
    }

    private static boolean hasChildren(ImageIndex.Snapshot index, Digest id) {
        return index.images().stream().anyMatch(i -> id.equals(i.parent()));
    }

    /** Deletes blobs and snapshots that no image in {@code index} references; the lock is held. */
    private void collectGarbage(ImageIndex.Snapshot index, List<String> lines) {
        Set<Digest> liveBlobs = new HashSet<>();
        Set<Digest> liveSnapshots = new HashSet<>();
        for (Container c : containers()) {
            liveSnapshots.addAll(c.record().layers());
            UpperHandover.handedTo(c).ifPresent(liveSnapshots::add); // the container's changes, until it takes them back
        }
        for (ImageRecord image : index.images()) {
            liveBlobs.add(image.manifest());
            liveBlobs.add(image.id());
            try {
                var stored = store.image(image);
                stored.manifest().layers().forEach(l -> liveBlobs.add(l.digest()));
                liveSnapshots.addAll(ChainId.chain(stored.config().diffIds()));
            } catch (StrataException e) {
                // an image whose blobs are unreadable keeps nothing alive; `system check` reports it
            }
        }
        List<SnapshotInfo> doomed = new ArrayList<>();
        for (var snapshot : store.snapshots().list()) {
            if (!liveSnapshots.contains(snapshot.chainId())) {
                doomed.add(snapshot);
            }
        }
        for (var snapshot : topFirst(doomed)) {
            store.snapshots().remove(snapshot.chainId());
            lines.add("Deleted: " + snapshot.chainId());
        }
        for (Digest blob : store.content().list()) {
            if (!liveBlobs.contains(blob)) {
                store.content().delete(blob);
            }
        }
    }

    /** Layers in the order Docker reports them deleted: each before the layer it sits on. */
    private static List<SnapshotInfo> topFirst(List<SnapshotInfo> layers) {
        List<SnapshotInfo> ordered = new ArrayList<>();
        List<SnapshotInfo> rest = new ArrayList<>(layers);
        while (!rest.isEmpty()) {
            Set<Digest> parents = new HashSet<>();
            rest.forEach(l -> {
                if (l.parent() != null) {
                    parents.add(l.parent());
                }
            });
            List<SnapshotInfo> tops = rest.stream().filter(l -> !parents.contains(l.chainId()))
                    .sorted(java.util.Comparator.comparing(SnapshotInfo::chainId)).toList();
            ordered.addAll(tops);
            rest.removeAll(tops);
        }
        return ordered;
    }

    private long usedBytes() {
        return store.snapshots().list().stream().mapToLong(s -> s.size()).sum();
    }
}
