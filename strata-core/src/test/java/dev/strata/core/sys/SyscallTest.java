package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyscallTest {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;

    @TempDir
    Path dir;

    @Test
    void aFailedCallReturnsMinusOneAndLeavesTheErrno() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);

            long result = Syscall.call(errno, SystemCall.CLOSE, -1);

            assertThat(result).isEqualTo(-1);
            assertThat(Libc.errno(errno)).isEqualTo(ErrnoException.EBADF);
        }
    }

    @Test
    void theSixthArgumentReachesTheKernel() throws Throwable {
        // sendto's address length is the sixth argument, the one x86-64 passes on the stack: without it the
        // kernel would take no address and refuse to send on an unconnected socket (ENOTCONN)
        Path path = dir.resolve("s");
        int receiver = NativeTestSupport.bindDatagram(path);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int sender = (int) Syscall.call(errno, SystemCall.SOCKET, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            assertThat(sender).as("socket, errno %d", Libc.errno(errno)).isNotNegative();
            try {
                MemorySegment message = arena.allocateFrom("hello", StandardCharsets.US_ASCII);
                MemorySegment address = NativeTestSupport.unixAddress(arena, path);

                long sent = Syscall.call(errno, SystemCall.SENDTO, sender, message.address(), 5, 0,
                        address.address(), address.byteSize());

                assertThat(sent).as("sendto, errno %d", Libc.errno(errno)).isEqualTo(5);
                MemorySegment buffer = arena.allocate(16);
                long received = Descriptors.read(receiver, buffer);
                assertThat(new String(buffer.asSlice(0, received).toArray(ValueLayout.JAVA_BYTE),
                        StandardCharsets.US_ASCII)).isEqualTo("hello");
            } finally {
                Descriptors.closeQuietly(sender);
            }
        } finally {
            Descriptors.closeQuietly(receiver);
        }
    }
}
