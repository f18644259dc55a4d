package dev.strata.core.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * SHA-256 by OpenSSL's libcrypto (Debian's libssl3), through the downcall stub every native call of this package
 * shares ({@link LibcCall}). With the SHA extensions of today's processors it hashes some 1.6 GB/s; the JDK's Java
 * implementation does ~110 MB/s until the optimising compiler replaces it with an intrinsic, which the commands
 * that run on C1 alone (commit, build) never get, and which the others reach only after a while (measured here:
 * 100 MiB in 63 ms, against 898 ms with C1 alone and 165 ms with C2). It is a {@link MessageDigest}, so every
 * digest in Strata goes through it; {@link #create} falls back to the JDK's where libcrypto cannot be loaded.
 * Not thread-safe, as no MessageDigest is.
 */
public final class NativeSha256 extends MessageDigest {
    /** sizeof(SHA256_CTX) is 112 bytes wherever OpenSSL 3 builds; a little more costs nothing. */
    private static final long CONTEXT_SIZE = 128;
    private static final int LENGTH = 32;
    private static final int CHUNK = 64 * 1024;

    private final Functions functions;
    private final MemorySegment errno;
    private final MemorySegment context;
    private final MemorySegment result;
    private final Arena arena = Arena.ofAuto();
    /** Heap bytes are copied through this on their way to libcrypto; made on first use, at most CHUNK bytes. */
    private MemorySegment staging;

    private NativeSha256(Functions functions) {
        super("SHA-256");
        this.functions = functions;
        this.errno = Libc.errnoSegment(arena);
        this.context = arena.allocate(CONTEXT_SIZE, 16);
        this.result = arena.allocate(LENGTH);
        engineReset();
    }

    /** A SHA-256 digest: libcrypto's when it can be loaded, else the JDK's. */
    public static MessageDigest create() {
        Optional<Functions> functions = Functions.LOADED;
        if (functions.isPresent()) {
            return new NativeSha256(functions.get());
        }
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether digests come from libcrypto on this machine. */
    public static boolean isNative() {
        return Functions.LOADED.isPresent();
    }

    @Override
    protected void engineUpdate(byte input) {
        engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, CHUNK);
            if (staging == null || staging.byteSize() < n) {
                staging = arena.allocate(length >= CHUNK ? CHUNK : Math.max(n, 512));
            }
            MemorySegment.copy(input, offset, staging, ValueLayout.JAVA_BYTE, 0, n);
            update(staging.address(), n);
            offset += n;
            length -= n;
        }
    }

    /** A direct buffer is hashed where it lies, without a copy. */
    @Override
    protected void engineUpdate(ByteBuffer input) {
        if (!input.isDirect()) {
            super.engineUpdate(input);
            return;
        }
        int length = input.remaining();
        if (length > 0) {
            update(MemorySegment.ofBuffer(input).address(), length);
            input.position(input.limit());
        }
    }

    @Override
    protected byte[] engineDigest() {
        check(LibcCall.callAt(errno, functions.finish(), result.address(), context.address(), 0), "SHA256_Final");
        byte[] digest = result.toArray(ValueLayout.JAVA_BYTE);
        engineReset();
        return digest;
    }

    @Override
    protected void engineReset() {
        check(LibcCall.callAt(errno, functions.init(), context.address(), 0, 0), "SHA256_Init");
    }

    @Override
    protected int engineGetDigestLength() {
        return LENGTH;
    }

    private void update(long address, long length) {
        check(LibcCall.callAt(errno, functions.update(), context.address(), address, length), "SHA256_Update");
    }

    /** The functions return 1 on success; they fail only on a null argument, which would be a bug here. */
    private static void check(int result, String function) {
        if (result != 1) {
            throw new IllegalStateException(function + " failed");
        }
    }

    /** libcrypto's SHA-256 functions, looked up once; empty where the library cannot be loaded. */
    private record Functions(MemorySegment init, MemorySegment update, MemorySegment finish) {
        static final Optional<Functions> LOADED = load();

        private static Optional<Functions> load() {
            try {
                SymbolLookup crypto = SymbolLookup.libraryLookup("libcrypto.so.3", Arena.global());
                return Optional.of(new Functions(crypto.findOrThrow("SHA256_Init"), crypto.findOrThrow("SHA256_Update"),
                        crypto.findOrThrow("SHA256_Final")));
            } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
                return Optional.empty();
            }
        }
    }
}
