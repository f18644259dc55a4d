package dev.strata.core.image.dockerarchive;

import dev.strata.core.StrataException;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.StoredImage;
import dev.strata.core.image.layout.BlobSource;
import dev.strata.core.image.layout.LocalBlob;
import dev.strata.core.image.layout.OciLayout;
import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files of an archive after its one pass: each regular file staged, each link recorded by the name it points
 * to (links are resolved only now, as a tar may hold a link before its target). Not thread-safe.
 */
final class ArchiveContents implements BlobSource {
    private static final int MAX_HOPS = 16;

    private final Map<String, StagedEntry> files = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final List<StagedBlob> staged = new ArrayList<>();

    /** Records a staged file; a later entry of the same name replaces an earlier one, as tar readers do. */
    void addFile(StagedEntry entry) {
        staged.add(entry.blob());
        files.put(entry.name(), entry);
        links.remove(entry.name());
    }

    void addLink(String name, String target) {
        links.put(name, target);
        files.remove(name);
    }

    /**
     * The staged file an archive path names, following links; empty if the path is not a file of the archive. A
     * path of the form {@code blobs/<algorithm>/<hex>} must lead to exactly that digest, whether it is a file or a link.
     */
    Optional<StagedEntry> lookup(String path) {
        String name;
        try {
            name = EntryName.of(path);
        } catch (StrataException e) {
            return Optional.empty();
        }
        Optional<StagedEntry> entry = follow(name, path);
        Optional<Digest> named = OciLayout.digestOfPath(name);
        if (entry.isPresent() && named.isPresent() && !named.get().equals(entry.get().blob().digest())) {
            throw LoadFailure.corrupt("entry \"" + name + "\" has digest " + entry.get().blob().digest()
                    + ", not the one its name says" + (named.get().algorithm().equals("sha256") ? "" : " (only sha256 blobs are supported)"));
        }
        return entry;
    }

    private Optional<StagedEntry> follow(String name, String path) {
        for (int hops = 0; hops <= MAX_HOPS; hops++) {
            StagedEntry entry = files.get(name);
            if (entry != null) {
                return Optional.of(entry);
            }
            name = links.get(name);
            if (name == null) {
                return Optional.empty();
            }
        }
        throw LoadFailure.corrupt("the links from \"" + path + "\" form a loop or a chain longer than " + MAX_HOPS);
    }

    boolean has(String path) {
        return lookup(path).isPresent();
    }

    /** The content of a small JSON file of the archive; {@code what} names it in errors. */
    byte[] document(String path, String what) {
        return documentOf(lookup(path).orElseThrow(() -> LoadFailure.corrupt(what + " is not in the archive")), what);
    }

    /** The content of a small JSON entry: kept in memory during the pass, or (past the memory budget) its staged file. */
    byte[] documentOf(StagedEntry entry, String what) {
        if (entry.blob().size() > StoredImage.MAX_DOCUMENT) {
            throw LoadFailure.corrupt(what + " is " + entry.blob().size() + " bytes, more than the "
                    + StoredImage.MAX_DOCUMENT + " allowed");
        }
        if (entry.document() != null) {
            return entry.document();
        }
        try {
            return Files.readAllBytes(entry.blob().file());
        } catch (IOException e) {
            throw LoadFailure.system("cannot read staged " + what + ": " + e.getMessage(), e);
        }
    }

    /** The entry {@code blobs/<algorithm>/<hex>}, which must hold exactly that digest. */
    Optional<StagedEntry> entryFor(Digest digest) {
        return lookup(OciLayout.blobPath(digest));
    }

    @Override
    public Optional<LocalBlob> find(Digest digest) {
        return entryFor(digest).map(StagedEntry::local);
    }

    @Override
    public byte[] document(Digest digest, String what) {
        return documentOf(entryFor(digest).orElseThrow(() -> LoadFailure.corrupt(what + " is not in the archive")), what);
    }

    /** Deletes every staged file except those in {@code keep} (compared by identity). */
    void discardExcept(Set<StagedBlob> keep) {
        for (StagedBlob blob : staged) {
            if (!keep.contains(blob)) {
                blob.discard();
            }
        }
    }

    void discardAll() {
        discardExcept(Set.of());
    }
}
