package dev.strata.core.build.context;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One COPY source's files as its checksum was last computed, in the order of the walk: each file's stat fingerprint
 * ({@link Fingerprint#of(java.util.List, long[])}) and checksum, and the source's checksum. A source whose fingerprint moved because a
 * few files were touched is answered from it without the per-file table: a file whose stat is what it was keeps its
 * checksum, the others are looked up or read again, and when every checksum comes out as it was, the source's
 * checksum is the one remembered (it is a function of its files' checksums alone). Kept beside the cache file, one
 * file per source; the checksums lie in one array, so that reading a record of thousands of files makes no array
 * per file. Immutable (the arrays are not copied and must not be changed).
 */
record SourceFiles(long[] stats, byte[] hashes, String checksum) {
    private static final int HASH = 32;

    /** A record of these files' stats and checksums ({@code checksums[i]} is file {@code i}'s). */
    static SourceFiles of(long[] stats, byte[][] checksums, String checksum) {
        byte[] flat = new byte[checksums.length * HASH];
        for (int i = 0; i < checksums.length; i++) {
            System.arraycopy(checksums[i], 0, flat, i * HASH, HASH);
        }
        return new SourceFiles(stats, flat, checksum);
    }

    /** Whether file {@code i} had this stat fingerprint: then its checksum is the one recorded. */
    boolean unchanged(int i, long stat) {
        return i < stats.length && stats[i] == stat;
    }

    /**
     * Whether {@code now} is, file for file, the checksums this was computed from; a null entry stands for the
     * recorded one (its file was {@link #unchanged}).
     */
    boolean matches(byte[][] now) {
        if (now.length != stats.length) {
            return false;
        }
        for (int i = 0; i < now.length; i++) {
            if (now[i] != null && !Arrays.equals(now[i], 0, HASH, hashes, i * HASH, (i + 1) * HASH)) {
                return false;
            }
        }
        return true;
    }

    /** Puts the recorded checksum into every null entry of {@code now}. */
    void fillIn(byte[][] now) {
        for (int i = 0; i < now.length; i++) {
            if (now[i] == null) {
                now[i] = Arrays.copyOfRange(hashes, i * HASH, (i + 1) * HASH);
            }
        }
    }

    /** Where a source's files are kept: beside the cache file, named by the source's key. */
    static Path path(Path cacheFile, String key) {
        byte[] name = FileHash.sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        return cacheFile.resolveSibling(cacheFile.getFileName() + ".source-" + FileHash.hex(name).substring(0, 24));
    }

    /** The content of its file after {@code magic} (the caller appends the CRC). */
    ByteBuffer encode(int magic) {
        byte[] sum = checksum.getBytes(StandardCharsets.UTF_8);
        // exactly: magic, count, the checksum's length and bytes, the stats, the checksums, and the CRC to come
        ByteBuffer out = ByteBuffer.allocate(3 * Integer.BYTES + Short.BYTES + sum.length
                + stats.length * (Long.BYTES + HASH));
        out.putInt(magic).putInt(stats.length).putShort((short) sum.length).put(sum);
        out.asLongBuffer().put(stats);
        out.position(out.position() + stats.length * Long.BYTES);
        out.put(hashes);
        return out;
    }

    /** Reads what {@link #encode} wrote, after the magic number; throws if it is malformed. */
    static SourceFiles decode(ByteBuffer in) {
        int count = in.getInt();
        byte[] sum = new byte[in.getShort() & 0xffff];
        in.get(sum);
        long[] stats = new long[count];
        in.asLongBuffer().get(stats);
        in.position(in.position() + count * Long.BYTES);
        byte[] hashes = new byte[count * HASH];
        in.get(hashes);
        return new SourceFiles(stats, hashes, new String(sum, StandardCharsets.UTF_8));
    }
}
