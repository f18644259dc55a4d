package dev.strata.core.sys;

import java.lang.foreign.MemorySegment;
import java.util.Locale;

/**
 * The C library functions this package calls through {@link LibcCall}'s one shape: the {@code posix_spawn} family
 * and the signal set helpers its attributes take. Each returns 0 or an error number (never -1 and errno), takes at
 * most six integer or pointer arguments, and is not variadic. The constant's name, in lower case, is the
 * function's. Immutable.
 */
enum LibcFunction {
    POSIX_SPAWN,
    POSIX_SPAWNP,
    POSIX_SPAWN_FILE_ACTIONS_INIT,
    POSIX_SPAWN_FILE_ACTIONS_DESTROY,
    POSIX_SPAWN_FILE_ACTIONS_ADDDUP2,
    POSIX_SPAWN_FILE_ACTIONS_ADDCLOSE,
    POSIX_SPAWN_FILE_ACTIONS_ADDOPEN,
    /** glibc 2.29 and later. */
    POSIX_SPAWN_FILE_ACTIONS_ADDCHDIR_NP,
    /** glibc 2.34 and later. */
    POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP,
    POSIX_SPAWNATTR_INIT,
    POSIX_SPAWNATTR_DESTROY,
    POSIX_SPAWNATTR_SETFLAGS,
    POSIX_SPAWNATTR_SETSIGMASK,
    POSIX_SPAWNATTR_SETSIGDEFAULT,
    SIGEMPTYSET,
    SIGADDSET;

    /** Looked up on first use of the enum: a dozen symbol look-ups cost microseconds, a link would cost more. */
    private final MemorySegment address = Libc.symbol(name().toLowerCase(Locale.ROOT));

    MemorySegment address() {
        return address;
    }
}
