package dev.strata.core.build.context;

/** The kinds of file a COPY or ADD writes into a layer. */
public enum EntryKind {
    FILE,
    DIRECTORY,
    SYMLINK,
    CHAR_DEVICE,
    BLOCK_DEVICE,
    FIFO
}
