package dev.strata.core.engine;

import dev.strata.core.image.NamedImage;
import dev.strata.core.image.dockerarchive.DockerArchiveReader;
import dev.strata.core.image.dockerarchive.DockerArchiveWriter;
import dev.strata.core.image.dockerarchive.LoadedArchive;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.ImageResolver;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.SnapshotPrefetcher;
import dev.strata.core.store.StoreTransaction;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code save} and {@code load}: the local store as a sink and source of docker-archive tarballs. */
final class ArchiveTransfer {
    private final LocalStore store;
    private final Clock clock;

    ArchiveTransfer(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Writes the named images: a tag names itself, a bare repository name all of its tags, an ID the image
     * without names (as {@code docker save} does).
     */
    void save(List<String> names, OutputStream out) {
        ImageIndex.Snapshot index = store.index().read();
        Map<Digest, Set<Reference>> chosen = new LinkedHashMap<>();
        for (String name : names) {
            Reference ref = Reference.tryParse(name).filter(r -> r.digest() == null).orElse(null);
            if (ref != null && !ref.isTagged() && addRepository(index, ref, chosen)) {
                continue;
            }
            ImageRecord image = ImageResolver.resolve(index, name);
            Set<Reference> tags = chosen.computeIfAbsent(image.id(), id -> new LinkedHashSet<>());
            if (ref != null && image.tags().contains(ref.withDefaultTag().toString())) {
                tags.add(ref.withDefaultTag());
            }
        }
        List<NamedImage> images = new ArrayList<>();
        chosen.forEach((id, tags) -> images.add(
                new NamedImage(store.image(index.byId(id).orElseThrow()), List.copyOf(tags))));
        new DockerArchiveWriter().write(images, out);
    }

    /** Adds every tag of a repository (a bare name); false if the repository has no tags here. */
    private static boolean addRepository(ImageIndex.Snapshot index, Reference repository, Map<Digest, Set<Reference>> chosen) {
        boolean found = false;
        for (ImageRecord image : index.images()) {
            for (String tag : image.tags()) {
                Reference t = Reference.parse(tag);
                if (t.name().equals(repository.name())) {
                    chosen.computeIfAbsent(image.id(), id -> new LinkedHashSet<>()).add(t);
                    found = true;
                }
            }
        }
        return found;
    }

    /** Reads an archive and adds every image in it, all or nothing. */
    List<LoadedImage> load(InputStream in, ProgressListener progress) {
        List<LoadedImage> loaded = new ArrayList<>();
        try (SnapshotPrefetcher prefetcher = store.prefetcher(progress);
                LoadedArchive archive = new DockerArchiveReader(store.content())
                        .read(in, (name, blob, head) -> prefetcher.offer(blob.digest(), blob.file(), head));
                StoreTransaction tx = store.begin(progress, prefetcher)) {
            for (NamedImage image : archive.images()) {
                Digest id = tx.stage(image.image(), image.tags(), null);
                if (image.tags().isEmpty()) {
                    loaded.add(new LoadedImage(null, id));
                }
                for (Reference tag : image.tags()) {
                    loaded.add(new LoadedImage(tag.withDefaultTag().familiar(), id));
                }
            }
            tx.commit(Times.format(clock.instant()));
        }
        return loaded;
    }
}
