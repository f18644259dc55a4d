package dev.strata.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The smallest program a training container can run: a static ELF executable that calls {@code exit(0)} and does
 * nothing else, written out byte by byte, so that training {@code run} needs no image from anywhere. Stateless.
 */
final class TrainingExecutable {
    private static final int HEADER = 64;
    private static final int PROGRAM_HEADER = 56;
    private static final long BASE = 0x400000;

    private TrainingExecutable() {}

    /** The program for {@code os.arch} (amd64 or aarch64); empty for any other architecture. */
    static byte[] exitZero(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> elf(0x3E, new byte[] {
                (byte) 0xB8, 0x3C, 0, 0, 0, // mov eax, 60 (exit)
                0x31, (byte) 0xFF, // xor edi, edi
                0x0F, 0x05, // syscall
            });
            case "aarch64", "arm64" -> elf(0xB7, new byte[] {
                0x00, 0x00, (byte) 0x80, (byte) 0xD2, // mov x0, #0
                (byte) 0xA8, 0x0B, (byte) 0x80, (byte) 0xD2, // mov x8, #93 (exit)
                0x01, 0x00, 0x00, (byte) 0xD4, // svc #0
            });
            default -> new byte[0];
        };
    }

    /** An ELF64 little-endian executable: the header, one loadable segment holding the whole file, then the code. */
    private static byte[] elf(int machine, byte[] code) {
        int size = HEADER + PROGRAM_HEADER + code.length;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}); // 64-bit, LSB, version 1, SysV
        b.putShort((short) 2); // ET_EXEC
        b.putShort((short) machine);
        b.putInt(1); // EV_CURRENT
        b.putLong(BASE + HEADER + PROGRAM_HEADER); // entry point: the code right after the headers
        b.putLong(HEADER); // program headers right after this header
        b.putLong(0); // no section headers
        b.putInt(0); // flags
        b.putShort((short) HEADER);
        b.putShort((short) PROGRAM_HEADER);
        b.putShort((short) 1);
        b.putShort((short) 0);
        b.putShort((short) 0);
        b.putShort((short) 0);
        b.putInt(1); // PT_LOAD
        b.putInt(5); // readable, executable
        b.putLong(0); // from the start of the file
        b.putLong(BASE);
        b.putLong(BASE);
        b.putLong(size);
        b.putLong(size);
        b.putLong(0x1000);
        b.put(code);
        return b.array();
    }
}
