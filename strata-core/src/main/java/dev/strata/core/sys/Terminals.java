package dev.strata.core.sys;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/** Whether a file descriptor is a terminal: decides progress bars, and refusing to write an archive to a screen. */
public final class Terminals {
    public static final int STDIN = 0;
    public static final int STDOUT = 1;

    private static final MethodHandle ISATTY = Libc.plain("isatty", FunctionDescriptor.of(Libc.INT, Libc.INT));

    private Terminals() {}

    public static boolean isTerminal(int fd) {
        try {
            return (int) ISATTY.invokeExact(fd) == 1;
        } catch (Throwable t) {
            throw new AssertionError("isatty cannot fail", t);
        }
    }
}
