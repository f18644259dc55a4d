package dev.strata.core.sys;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/** The effective user and group of this process, which decide what the kernel lets it do. */
public final class Credentials {
    private static final MethodHandle GETEUID = Libc.plain("geteuid", FunctionDescriptor.of(Libc.INT));
    private static final MethodHandle GETEGID = Libc.plain("getegid", FunctionDescriptor.of(Libc.INT));

    private Credentials() {}

    public static int effectiveUid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError("geteuid cannot fail", t);
        }
    }

    public static int effectiveGid() {
        try {
            return (int) GETEGID.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError("getegid cannot fail", t);
        }
    }

    /** True when running as user 0, which may chown, mknod and set trusted.* attributes. */
    public static boolean isRoot() {
        return effectiveUid() == 0;
    }
}
