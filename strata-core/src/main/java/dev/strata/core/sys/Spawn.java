package dev.strata.core.sys;

import static dev.strata.core.sys.LibcFunction.POSIX_SPAWN;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWNATTR_DESTROY;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWNATTR_INIT;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWNATTR_SETFLAGS;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWNATTR_SETSIGDEFAULT;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWNATTR_SETSIGMASK;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWNP;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWN_FILE_ACTIONS_ADDCHDIR_NP;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWN_FILE_ACTIONS_ADDCLOSE;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWN_FILE_ACTIONS_ADDDUP2;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWN_FILE_ACTIONS_ADDOPEN;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWN_FILE_ACTIONS_DESTROY;
import static dev.strata.core.sys.LibcFunction.POSIX_SPAWN_FILE_ACTIONS_INIT;
import static dev.strata.core.sys.LibcFunction.SIGADDSET;
import static dev.strata.core.sys.LibcFunction.SIGEMPTYSET;

import dev.strata.core.sys.SpawnRequest.Output;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts programs with the C library's {@code posix_spawn}: one {@code clone(CLONE_VM|CLONE_VFORK)} and one
 * {@code exec} of the program itself, where {@link ProcessBuilder} execs its {@code jspawnhelper} first, starts a
 * reaper thread, and on its first use looks up the JDK's logger (which opens every jar of the class path). What
 * the child gets is exactly its {@link SpawnRequest}: its descriptors are set up by file actions and every other
 * one is closed ({@code closefrom}), since the JVM opens files without {@code O_CLOEXEC}. Its signals are as the
 * JDK's own child set-up leaves them: an empty mask, and the default action for the signals the JVM handles
 * (a signal ignored when the JVM started stays ignored, as with the JDK). Stateless and thread-safe.
 */
public final class Spawn {
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_CLOEXEC = 02000000;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final int POSIX_SPAWN_SETSIGMASK = 0x08;
    /** glibc's posix_spawn_file_actions_t is 80 bytes and posix_spawnattr_t 336 on 64-bit Linux. */
    private static final long SPAWN_STRUCT_SIZE = 512;
    private static final long SIGSET_SIZE = 128;
    /**
     * The signals HotSpot handles whatever the JVM was started with: the faults it turns into exceptions, SIGPIPE
     * and SIGXFSZ, which it ignores through a handler, SIGQUIT (thread dumps) and SIGUSR2 (thread suspension).
     * SIGHUP, SIGINT and SIGTERM are left out: the JVM handles them only when they were not ignored, and a handled
     * one returns to its default at exec anyway.
     */
    private static final int[] JVM_SIGNALS = {3, 4, 5, 7, 8, 11, 12, 13, 25};
    private static final String DEV_NULL = "/dev/null";

    private Spawn() {}

    /**
     * Starts the process {@code request} describes. Close the result (or {@link SpawnedProcess#waitFor} it and
     * then close it): closing reaps the child, killing it first if it still runs.
     *
     * @throws IOException when the program cannot be run (missing, not executable, no such working directory),
     *     in {@link ProcessBuilder}'s words: {@code Cannot run program "PROGRAM": error=2, No such file...}
     */
    public static SpawnedProcess start(SpawnRequest request) throws IOException {
        Opened children = new Opened();
        Opened parents = new Opened();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int highest = request.highestDescriptor();
            // the source of each of the child's descriptors: a pipe end, or -1 for /dev/null
            int[] sources = new int[highest + 1];
            sources[0] = -1; // stdin from /dev/null
            int[] readEnds = new int[highest + 1];
            Arrays.fill(readEnds, -1);
            for (int fd = 1; fd <= highest; fd++) {
                Output output = fd == 1 ? request.stdout()
                        : fd == 2 ? request.stderr() : request.extraDescriptors().get(fd);
                if (output == null) {
                    sources[fd] = Integer.MIN_VALUE; // not given: closed in the child
                    continue;
                }
                switch (output) {
                    case DISCARD -> sources[fd] = -1;
                    case STDOUT -> sources[fd] = sources[1];
                    case PIPE -> {
                        int[] pipe = pipe(arena, errno);
                        readEnds[fd] = parents.add(pipe[0]);
                        sources[fd] = children.add(pipe[1]);
                    }
                }
            }
            // a source numbered among the targets could be overwritten before it is copied: move it above them
            for (int fd = 0; fd <= highest; fd++) {
                if (sources[fd] >= 0 && sources[fd] <= highest) {
                    int moved = children.add(checked(Syscall.call(errno, SystemCall.FCNTL, sources[fd], F_DUPFD_CLOEXEC,
                            highest + 1), errno, "duplicate a descriptor of"));
                    for (int other = fd; other <= highest; other++) {
                        if (other == fd || sources[other] == sources[fd]) {
                            sources[other] = moved;
                        }
                    }
                }
            }
            int pid = spawn(arena, errno, request, sources);
            children.closeAll();
            return new SpawnedProcess(pid, readEnds);
        } catch (IOException | RuntimeException | Error e) {
            children.closeAll();
            parents.closeAll();
            throw e;
        }
    }

    private static int spawn(Arena arena, MemorySegment errno, SpawnRequest request, int[] sources) throws IOException {
        MemorySegment actions = arena.allocate(SPAWN_STRUCT_SIZE, 16);
        MemorySegment attributes = arena.allocate(SPAWN_STRUCT_SIZE, 16);
        check(LibcCall.call(errno, POSIX_SPAWN_FILE_ACTIONS_INIT, actions.address()), request,
                "posix_spawn_file_actions_init");
        try {
            check(LibcCall.call(errno, POSIX_SPAWNATTR_INIT, attributes.address()), request, "posix_spawnattr_init");
            try {
                fileActions(arena, errno, request, sources, actions);
                signals(arena, errno, request, attributes);
                MemorySegment pid = arena.allocate(ValueLayout.JAVA_INT);
                String program = request.command().getFirst();
                // a bare name is looked up on this JVM's PATH, as ProcessBuilder does
                LibcFunction function = program.indexOf('/') >= 0 ? POSIX_SPAWN : POSIX_SPAWNP;
                int error = LibcCall.call(errno, function, pid.address(), Libc.cString(arena, program).address(),
                        actions.address(), attributes.address(), strings(arena, request.command()).address(),
                        strings(arena, environment(request.environment())).address());
                if (error != 0) {
                    // glibc has reaped a child whose exec failed
                    throw cannotRun(request, error);
                }
                return pid.get(ValueLayout.JAVA_INT, 0);
            } finally {
                LibcCall.call(errno, POSIX_SPAWNATTR_DESTROY, attributes.address());
            }
        } finally {
            LibcCall.call(errno, POSIX_SPAWN_FILE_ACTIONS_DESTROY, actions.address());
        }
    }

    private static void fileActions(Arena arena, MemorySegment errno, SpawnRequest request, int[] sources,
            MemorySegment actions)
            throws IOException {
        MemorySegment devNull = Libc.cString(arena, DEV_NULL);
        for (int fd = 0; fd < sources.length; fd++) {
            // a number not asked for below the highest one is closed: glibc ignores EBADF from that close
            int error = sources[fd] == Integer.MIN_VALUE
                    ? LibcCall.call(errno, POSIX_SPAWN_FILE_ACTIONS_ADDCLOSE, actions.address(), fd)
                    : sources[fd] < 0
                    ? LibcCall.call(errno, POSIX_SPAWN_FILE_ACTIONS_ADDOPEN, actions.address(), fd, devNull.address(),
                            fd == 0 ? O_RDONLY : O_WRONLY, 0)
                    : LibcCall.call(errno, POSIX_SPAWN_FILE_ACTIONS_ADDDUP2, actions.address(), sources[fd], fd);
            check(error, request, "posix_spawn_file_actions_add");
        }
        check(LibcCall.call(errno, POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP, actions.address(), sources.length),
                request, "posix_spawn_file_actions_addclosefrom_np");
        if (request.directory().isPresent()) {
            check(LibcCall.call(errno, POSIX_SPAWN_FILE_ACTIONS_ADDCHDIR_NP, actions.address(),
                    Libc.cString(arena, request.directory().get()).address()), request,
                    "posix_spawn_file_actions_addchdir_np");
        }
    }

    private static void signals(Arena arena, MemorySegment errno, SpawnRequest request,
            MemorySegment attributes) throws IOException {
        MemorySegment mask = arena.allocate(SIGSET_SIZE, 8);
        LibcCall.call(errno, SIGEMPTYSET, mask.address());
        MemorySegment defaults = arena.allocate(SIGSET_SIZE, 8);
        LibcCall.call(errno, SIGEMPTYSET, defaults.address());
        for (int signal : JVM_SIGNALS) {
            LibcCall.call(errno, SIGADDSET, defaults.address(), signal);
        }
        check(LibcCall.call(errno, POSIX_SPAWNATTR_SETSIGMASK, attributes.address(), mask.address()), request,
                "posix_spawnattr_setsigmask");
        check(LibcCall.call(errno, POSIX_SPAWNATTR_SETSIGDEFAULT, attributes.address(), defaults.address()), request,
                "posix_spawnattr_setsigdefault");
        check(LibcCall.call(errno, POSIX_SPAWNATTR_SETFLAGS, attributes.address(),
                POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF), request, "posix_spawnattr_setflags");
    }

    private static List<String> environment(Map<String, String> environment) {
        return environment.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
    }

    /** A NULL-terminated array of C strings, as argv and envp are. */
    private static MemorySegment strings(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, Libc.cString(arena, strings.get(i)));
        }
        array.setAtIndex(ValueLayout.ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }

    /** A pipe whose two ends close on exec: {read, write}. */
    private static int[] pipe(Arena arena, MemorySegment errno) throws ErrnoException {
        MemorySegment ends = arena.allocate(ValueLayout.JAVA_INT, 2);
        checked(Syscall.call(errno, SystemCall.PIPE2, ends.address(), O_CLOEXEC), errno, "make a pipe for");
        return new int[] {ends.getAtIndex(ValueLayout.JAVA_INT, 0), ends.getAtIndex(ValueLayout.JAVA_INT, 1)};
    }

    private static int checked(long result, MemorySegment errno, String operation) throws ErrnoException {
        if (result < 0) {
            throw new ErrnoException(operation, "a spawned process", Libc.errno(errno));
        }
        return (int) result;
    }

    private static void check(int error, SpawnRequest request, String function) throws IOException {
        if (error != 0) {
            throw new IOException(cannotRun(request, error).getMessage() + " (" + function + ")");
        }
    }

    private static IOException cannotRun(SpawnRequest request, int error) {
        String where = request.directory().map(directory -> " (in directory \"" + directory + "\")").orElse("");
        return new IOException("Cannot run program \"" + request.command().getFirst() + "\"" + where + ": error="
                + error + ", " + ErrnoException.describe(error));
    }

    /** Descriptors opened for one start, closed together. */
    private static final class Opened {
        private final List<Integer> open = new ArrayList<>();

        int add(int fd) {
            open.add(fd);
            return fd;
        }

        void closeAll() {
            for (int fd : open) {
                Descriptors.closeQuietly(fd);
            }
            open.clear();
        }
    }
}
