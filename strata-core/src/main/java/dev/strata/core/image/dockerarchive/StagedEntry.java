package dev.strata.core.image.dockerarchive;

import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.layout.LocalBlob;

/**
 * One regular file of an archive, staged in the store's ingest area: its canonical name, the staged blob, its
 * first bytes, and its whole content when it was small and looked like JSON ({@code null} otherwise).
 */
record StagedEntry(String name, StagedBlob blob, byte[] head, byte[] document) {
    LocalBlob local() {
        return new LocalBlob(blob.digest(), blob.size(), blob.file(), head);
    }
}
