package dev.strata.core.build.context;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One COPY source's files as its checksum was last computed, in the order of the walk: each file's stat fingerprint
 * ({@link Fingerprint#ofFile}) and checksum, and the source's checksum. A source whose fingerprint moved because a
 * few files were touched is answered from it without the per-file table: a file whose stat is what it was keeps its
 * checksum, the others are looked up or read again, and when every checksum comes out as it was, the source's
 * checksum is the one remembered (it is a function of its files' checksums alone). Kept beside the cache file, one
 * file per source. Immutable.
 */
record SourceFiles(long[] stats, byte[][] hashes, String checksum) {
    private static final int HASH = 32;

    /** The checksum file {@code i} had, if the file's stat fingerprint is still {@code stat}; else null. */
    byte[] unchanged(int i, long stat) {
        return i < stats.length && stats[i] == stat ? hashes[i] : null;
    }

    /** Whether {@code now} is, file for file, the checksums this was computed from. */
    boolean sameHashes(byte[][] now) {
        if (now.length != hashes.length) {
            return false;
        }
        for (int i = 0; i < now.length; i++) {
            if (!Arrays.equals(now[i], hashes[i])) {
                return false;
            }
        }
        return true;
    }

    /** Where a source's files are kept: beside the cache file, named by the source's key. */
    static Path path(Path cacheFile, String key) {
        byte[] name = FileHash.sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        return cacheFile.resolveSibling(cacheFile.getFileName() + ".source-" + FileHash.hex(name).substring(0, 24));
    }

    /** The content of its file (the caller adds the magic number before and the CRC after). */
    ByteBuffer encode(int magic) {
        byte[] sum = checksum.getBytes(StandardCharsets.UTF_8);
        // exactly: magic, count, the checksum's length and bytes, the entries, and the CRC the caller appends
        ByteBuffer out = ByteBuffer.allocate(3 * Integer.BYTES + Short.BYTES + sum.length
                + stats.length * (Long.BYTES + HASH));
        out.putInt(magic).putInt(stats.length).putShort((short) sum.length).put(sum);
        for (int i = 0; i < stats.length; i++) {
            out.putLong(stats[i]).put(hashes[i]);
        }
        return out;
    }

    /** Reads what {@link #encode} wrote, after the magic number; throws if it is malformed. */
    static SourceFiles decode(ByteBuffer in) {
        int count = in.getInt();
        byte[] sum = new byte[in.getShort() & 0xffff];
        in.get(sum);
        long[] stats = new long[count];
        byte[][] hashes = new byte[count][];
        for (int i = 0; i < count; i++) {
            stats[i] = in.getLong();
            hashes[i] = new byte[HASH];
            in.get(hashes[i]);
        }
        return new SourceFiles(stats, hashes, new String(sum, StandardCharsets.UTF_8));
    }
}
