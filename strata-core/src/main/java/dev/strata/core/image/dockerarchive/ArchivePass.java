package dev.strata.core.image.dockerarchive;

import com.github.luben.zstd.ZstdInputStream;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.ContentIngester;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.StoredImage;
import dev.strata.core.image.layout.LayerMediaTypes;
import dev.strata.core.image.layout.LocalBlob;
import dev.strata.core.image.layout.OciLayout;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.MediaTypes;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an archive's tar stream once, start to end: every regular file is streamed into the content store's
 * ingest area and staged (digested as it streams, never read again), files named {@code blobs/sha256/<hex>} are
 * checked against their name, links are recorded, and small JSON-looking files are also kept in memory, within
 * a budget, for parsing later. A whole archive compressed with gzip or zstd ({@code docker save | gzip}) is
 * decompressed on the way. On any failure every file staged so far is discarded. Not thread-safe.
 */
final class ArchivePass {
    private static final int CHUNK = 1 << 20;
    private static final long DOCUMENT_BUDGET = 64L << 20;

    private final ContentIngester ingester;
    private final StagedFileListener listener;
    private final byte[] chunk = new byte[CHUNK];
    private long budget = DOCUMENT_BUDGET;

    ArchivePass(ContentIngester ingester, StagedFileListener listener) {
        this.ingester = ingester;
        this.listener = listener;
    }

    /** The staged contents of the archive on {@code source}, which is read to its end but not closed. */
    ArchiveContents read(InputStream source) {
        ArchiveContents contents = new ArchiveContents();
        Source guarded = new Source(source);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(guarded), StandardCharsets.UTF_8.name())) {
            int count = 0;
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                count++;
                accept(tar, entry, contents);
            }
            if (count == 0) {
                throw LoadFailure.corrupt("the input is empty or not a tar archive");
            }
            return contents;
        } catch (IOException e) {
            contents.discardAll();
            if (guarded.failed) {
                throw LoadFailure.system("cannot read the input: " + e.getMessage(), e);
            }
            throw LoadFailure.corrupt("the tar stream is truncated or malformed (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            contents.discardAll();
            throw e;
        }
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(LocalBlob.HEAD);
        byte[] magic = buffered.readNBytes(LocalBlob.HEAD);
        buffered.reset();
        return switch (LayerMediaTypes.sniff(magic)) {
            case MediaTypes.OCI_LAYER_GZIP -> new GZIPInputStream(buffered, 1 << 16);
            case MediaTypes.OCI_LAYER_ZSTD -> new ZstdInputStream(buffered);
            default -> buffered;
        };
    }

    private void accept(TarArchiveInputStream tar, TarArchiveEntry entry, ArchiveContents contents) throws IOException {
        String name = EntryName.of(entry.getName());
        if (entry.isSymbolicLink()) {
            contents.addLink(name, EntryName.symlinkTarget(name, entry.getLinkName()));
        } else if (entry.isLink()) {
            contents.addLink(name, EntryName.hardlinkTarget(name, entry.getLinkName()));
        } else if (entry.isFile() && !name.isEmpty()) {
            stage(tar, name, entry.getSize(), contents);
        }
        // directories and special files carry nothing an image needs
    }

    private void stage(InputStream tar, String name, long size, ArchiveContents contents) throws IOException {
        try (BlobWriter writer = ingester.writer()) {
            int n = fill(tar);
            byte[] head = Arrays.copyOf(chunk, Math.min(n, LocalBlob.HEAD));
            byte[] sniff = Arrays.copyOf(chunk, Math.min(n, 512));
            boolean keep = size <= StoredImage.MAX_DOCUMENT && size <= budget && looksLikeJson(n);
            ByteArrayOutputStream document = keep ? new ByteArrayOutputStream((int) size) : null;
            long total = 0;
            while (n > 0) {
                writer.write(chunk, 0, n);
                if (document != null) {
                    document.write(chunk, 0, n);
                }
                total += n;
                n = fill(tar);
            }
            if (total != size) {
                throw LoadFailure.corrupt("entry \"" + name + "\" ends after " + total + " of its " + size + " bytes");
            }
            StagedBlob blob = writer.stage(null, -1);
            contents.addFile(new StagedEntry(name, blob, head, keep ? document.toByteArray() : null));
            budget -= keep ? size : 0;
            checkName(name, blob.digest());
            listener.staged(name, blob, sniff);
        }
    }

    private static void checkName(String name, Digest actual) {
        Optional<Digest> named = OciLayout.digestOfPath(name);
        if (named.isPresent() && named.get().algorithm().equals(actual.algorithm()) && !named.get().equals(actual)) {
            throw LoadFailure.corrupt("entry \"" + name + "\" has digest " + actual + ", not the one its name says");
        }
    }

    /** Reads from the current entry until the chunk is full or the entry ends; 0 at its end. */
    private int fill(InputStream tar) throws IOException {
        return tar.readNBytes(chunk, 0, chunk.length);
    }

    private boolean looksLikeJson(int n) {
        for (int i = 0; i < n; i++) {
            byte b = chunk[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** The caller's stream: remembers whether reading it failed (not our archive's fault) and is never closed here. */
    private static final class Source extends FilterInputStream {
        private boolean failed;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return in.read(bytes, offset, length);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
