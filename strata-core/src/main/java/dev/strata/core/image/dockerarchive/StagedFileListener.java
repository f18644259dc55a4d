package dev.strata.core.image.dockerarchive;

import dev.strata.core.content.StagedBlob;

/**
 * Told about each file of an archive as soon as it is staged, before the archive's manifest (which comes last in
 * Docker's archives) says what the file is; a loader uses it to start unpacking layers early. Called on the
 * reading thread; must not keep the thread long.
 */
@FunctionalInterface
public interface StagedFileListener {
    StagedFileListener NONE = (name, blob, head) -> {};

    /** {@code head} holds the file's first bytes (up to 512), for sniffing tar or compression magic. */
    void staged(String name, StagedBlob blob, byte[] head);
}
