package dev.strata.core.build.context;

import java.util.List;

/**
 * A 128-bit fingerprint of the stat of every file a COPY source covers: path, mode, size, modification and change
 * times, inode, in any order (each file is mixed on its own and the results summed, so the walk need not sort). If
 * it is what it was when the source's checksum was computed, no file was added, removed, renamed, written, chmod-ed
 * or had its extended attributes changed (each of those moves the change time, which no one can set back), so the
 * checksum still holds. Two independent multiply-xor lanes make an accidental collision out of reach; it is no
 * defence against someone crafting one, which the user's own files need not be. Stateless.
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
        long[] lanes = new long[2];
        for (int i = 0; i < files.size(); i++) {
            mixFile(lanes, files.get(i));
            sums[0] += lanes[0];
            sums[1] += lanes[1];
            if (perFile != null) {
                perFile[i] = lanes[0] ^ rotate(lanes[1], 17);
            }
        }
        return new long[] {sums[0] ^ files.size(), sums[1] + files.size()};
    }

    /**
     * Sets {@code lanes} to one file's two lanes. A method of its own, and no array per file: on a fresh JVM it is
     * compiled after a few hundred files, where a loop body over a few thousand would have run interpreted.
     */
    private static void mixFile(long[] lanes, ContextFile file) {
        FileInfo info = file.info();
        String path = file.path();
        lanes[0] = 0x243F6A8885A308D3L;
        lanes[1] = 0x13198A2E03707344L;
        mix(lanes, ((long) path.hashCode() << 32) ^ path.length());
        mix(lanes, info.mode());
        mix(lanes, info.size());
        mix(lanes, info.mtimeNanos());
        mix(lanes, info.ctimeNanos());
        mix(lanes, info.inode());
        lanes[1] ^= lanes[1] >>> 29;
    }

    /** Mixes one value into both lanes. */
    private static void mix(long[] lanes, long v) {
        lanes[0] = rotate((lanes[0] ^ v) * M1, 31);
        lanes[1] = rotate((lanes[1] + v) * M2, 27) ^ lanes[0];
    }

    private static long rotate(long x, int distance) {
        return (x << distance) | (x >>> -distance);
    }
}
