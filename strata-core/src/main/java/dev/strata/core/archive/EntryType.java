package dev.strata.core.archive;

/** The kinds of file a layer entry can be; sockets have no tar form and never appear. */
enum EntryType {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    CHAR_DEVICE,
    BLOCK_DEVICE,
    FIFO
}
