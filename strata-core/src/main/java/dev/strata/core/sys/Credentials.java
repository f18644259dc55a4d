package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.GETEGID;
import static dev.strata.core.sys.SystemCall.GETEUID;

import java.lang.foreign.Arena;

/** The effective user and group of this process, which decide what the kernel lets it do. */
public final class Credentials {
    private Credentials() {}

    public static int effectiveUid() {
        // geteuid cannot fail; the errno segment is there because the one system call handle takes one
        try (Arena arena = Arena.ofConfined()) {
            return (int) Syscall.call(Libc.errnoSegment(arena), GETEUID);
        }
    }

    public static int effectiveGid() {
        try (Arena arena = Arena.ofConfined()) {
            return (int) Syscall.call(Libc.errnoSegment(arena), GETEGID);
        }
    }

    /** True when running as user 0, which may chown, mknod and set trusted.* attributes. */
    public static boolean isRoot() {
        return effectiveUid() == 0;
    }
}
