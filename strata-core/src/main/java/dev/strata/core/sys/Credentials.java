package dev.strata.core.sys;

import dev.strata.core.sys.Downcalls.Getegid;
import dev.strata.core.sys.Downcalls.Geteuid;

/** The effective user and group of this process, which decide what the kernel lets it do. */
public final class Credentials {
    private Credentials() {}

    public static int effectiveUid() {
        try {
            return (int) Geteuid.HANDLE.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError("geteuid cannot fail", t);
        }
    }

    public static int effectiveGid() {
        try {
            return (int) Getegid.HANDLE.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError("getegid cannot fail", t);
        }
    }

    /** True when running as user 0, which may chown, mknod and set trusted.* attributes. */
    public static boolean isRoot() {
        return effectiveUid() == 0;
    }
}
