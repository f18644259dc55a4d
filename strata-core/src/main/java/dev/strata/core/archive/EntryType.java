package dev.strata.core.archive;

/** The kinds of file a tar entry can be; sockets have no tar form and never appear. */
public enum EntryType {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    CHAR_DEVICE,
    BLOCK_DEVICE,
    FIFO
}
