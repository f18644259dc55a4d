package dev.strata.core.build.context;

import java.util.List;

/**
 * A 128-bit fingerprint of the stat of every file a COPY source covers: path, mode, size, modification and change
 * times, inode, in any order (each file is mixed on its own and the results summed, so the walk need not sort). If it is what it was when the source's checksum was computed, no file was
 * added, removed, renamed, written, chmod-ed or had its extended attributes changed (each of those moves the
 * change time, which no one can set back), so the checksum still holds. Two independent multiply-xor lanes make
 * an accidental collision out of reach; it is no defence against someone crafting one, which the user's own
 * files need not be. Stateless.
 */
final class Fingerprint {
    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC2B2AE3D27D4EB4FL;

    private Fingerprint() {}

    /** {lane 1, lane 2} over {@code files}. */
    static long[] of(List<ContextFile> files) {
        return of(files, null);
    }

    /**
     * The same, also putting into {@code perFile} (null: nowhere) a 64-bit fingerprint of each file's stat alone,
     * in the files' order: the two lanes of that one file, folded ({@link SourceFiles} compares them).
     */
    static long[] of(List<ContextFile> files, long[] perFile) {
        long[] sums = new long[2];
        long[] one = new long[2];
        for (int i = 0; i < files.size(); i++) {
            one[0] = 0;
            one[1] = 0;
            add(one, files.get(i));
            sums[0] += one[0];
            sums[1] += one[1];
            if (perFile != null) {
                perFile[i] = one[0] ^ rotate(one[1], 17);
            }
        }
        return new long[] {sums[0] ^ files.size(), sums[1] + files.size()};
    }

    /**
     * Mixes one file into both lanes' sums. A method of its own, and no array per file: on a fresh JVM it is
     * compiled after a few hundred files, where a loop body over a few thousand would have run interpreted.
     */
    private static void add(long[] sums, ContextFile file) {
        FileInfo info = file.info();
        String path = file.path();
        long a = 0x243F6A8885A308D3L;
        long b = 0x13198A2E03707344L;
        long v = ((long) path.hashCode() << 32) ^ path.length();
        a = rotate((a ^ v) * M1, 31);
        b = rotate((b + v) * M2, 27) ^ a;
        v = info.mode();
        a = rotate((a ^ v) * M1, 31);
        b = rotate((b + v) * M2, 27) ^ a;
        v = info.size();
        a = rotate((a ^ v) * M1, 31);
        b = rotate((b + v) * M2, 27) ^ a;
        v = info.mtimeNanos();
        a = rotate((a ^ v) * M1, 31);
        b = rotate((b + v) * M2, 27) ^ a;
        v = info.ctimeNanos();
        a = rotate((a ^ v) * M1, 31);
        b = rotate((b + v) * M2, 27) ^ a;
        v = info.inode();
        a = rotate((a ^ v) * M1, 31);
        b = rotate((b + v) * M2, 27) ^ a;
        sums[0] += a;
        sums[1] += b ^ (b >>> 29);
    }

    private static long rotate(long x, int distance) {
        return (x << distance) | (x >>> -distance);
    }
}
