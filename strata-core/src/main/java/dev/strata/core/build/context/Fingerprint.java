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
        long sumA = 0;
        long sumB = 0;
        for (ContextFile file : files) {
            FileInfo info = file.info();
            String path = file.path();
            long a = 0x243F6A8885A308D3L;
            long b = 0x13198A2E03707344L;
            long name = ((long) path.hashCode() << 32) ^ path.length();
            long[] values = {name, info.mode(), info.size(), info.mtimeNanos(), info.ctimeNanos(), info.inode()};
            for (long v : values) {
                a = Long.rotateLeft((a ^ v) * M1, 31);
                b = Long.rotateLeft((b + v) * M2, 27) ^ a;
            }
            sumA += a;
            sumB += b ^ (b >>> 29);
        }
        return new long[] {sumA ^ files.size(), sumB + files.size()};
    }
}
