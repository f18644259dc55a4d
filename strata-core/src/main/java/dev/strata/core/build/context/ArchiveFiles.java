package dev.strata.core.build.context;

import dev.strata.core.archive.Compression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Which context files ADD unpacks: tar archives, plain or compressed (gzip, bzip2, xz, zstd). Stateless. */
public final class ArchiveFiles {
    private ArchiveFiles() {}

    /** Whether {@code file} is a regular file whose (decompressed) first block is a valid tar header. */
    public static boolean isTarArchive(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                InputStream in = Compression.decompressing(raw)) {
            byte[] head = in.readNBytes(TarStreams.BLOCK);
            return head.length == TarStreams.BLOCK && TarStreams.validHeader(head);
        } catch (IOException e) {
            return false; // unreadable or a broken compressed stream: copied as it is, as Docker does
        }
    }
}
