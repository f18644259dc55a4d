package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import dev.strata.core.archive.ApplyOptions;
import dev.strata.core.archive.Compression;
import dev.strata.core.archive.LayerApplier;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Tells a tar stream (plain or compressed) from a lone Dockerfile, as Docker does with what comes on stdin or from
 * a URL: a compressed stream, or one whose first 512 bytes are a tar header with a correct checksum, is an
 * archive; anything else is Dockerfile text. Archives are unpacked with the layer applier, which refuses
 * absolute names, {@code ..} above the top and writing through symbolic links. Stateless.
 */
final class TarStreams {
    static final int BLOCK = 512;
    /** Larger than any Dockerfile anyone writes; a bigger "Dockerfile" is surely not one. */
    static final int MAX_DOCKERFILE = 16 << 20;

    private TarStreams() {}

    /** A stream that can be peeked at, wrapping {@code in}. */
    static BufferedInputStream peekable(InputStream in) {
        return new BufferedInputStream(in, 1 << 16);
    }

    /** Whether {@code in} (peeked, not consumed) is an archive. */
    static boolean isArchive(BufferedInputStream in) throws IOException {
        in.mark(BLOCK * 2);
        byte[] head = in.readNBytes(BLOCK);
        in.reset();
        if (Compression.detect(head, head.length) != Compression.NONE) {
            return true;
        }
        return head.length == BLOCK && validHeader(head);
    }

    /** A ustar header's checksum: the sum of its bytes with the checksum field taken as spaces. */
    static boolean validHeader(byte[] block) {
        String field = new String(block, 148, 8, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
        if (field.isEmpty()) {
            return false;
        }
        long stored;
        try {
            stored = Long.parseLong(field, 8);
        } catch (NumberFormatException e) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (block[i] & 0xff);
        }
        return sum == stored;
    }

    /** Reads the rest of {@code in} as Dockerfile text. */
    static String dockerfileText(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(MAX_DOCKERFILE + 1);
        if (bytes.length > MAX_DOCKERFILE) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "unable to prepare context: " + source
                    + " is neither a tar archive nor a Dockerfile of a sensible size");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Unpacks the archive {@code in} into the empty directory {@code into}. */
    static void extract(InputStream in, Path into) throws IOException {
        // Unprivileged: the context's owners do not matter (Docker sends it as root's), and no device is needed.
        new LayerApplier(new ApplyOptions(false, true, 4)).apply(in, into);
    }
}
