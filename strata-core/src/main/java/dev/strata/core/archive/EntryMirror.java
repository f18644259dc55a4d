package dev.strata.core.archive;

import java.io.IOException;

/**
 * Receives the entries of a tar while a {@link TarWriter} writes it, as a reader of that tar would see them:
 * {@link #header}, then a regular file's content in any number of {@link #content} calls, then {@link #endEntry}.
 * A layer is unpacked this way while it is written (see {@link LayerApplier#applyWritten}), without reading the tar
 * back. Implementations are used by one thread.
 */
public interface EntryMirror {
    void header(TarEntry entry) throws IOException;

    void content(byte[] bytes, int offset, int length) throws IOException;

    void endEntry() throws IOException;
}
