package dev.strata.core.runtime.rootfs;

import dev.strata.core.archive.TarEntry;
import java.io.IOException;
import java.io.InputStream;

/** Where a stream of entries goes: a tar being written, or a tree being written to. */
interface EntrySink {
    /**
     * Takes one entry; entries come parents first.
     *
     * @param content exactly {@code entry.size()} bytes for a regular file, empty otherwise; not closed here
     */
    void add(TarEntry entry, InputStream content) throws IOException;
}
