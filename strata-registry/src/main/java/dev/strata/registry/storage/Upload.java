package dev.strata.registry.storage;

import dev.strata.core.oci.Digest;
import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One blob upload session: a file in the ingest directory that chunks are appended to, digested as they arrive.
 * Nothing of it is visible in the store until {@link BlobStore#publish} moves the verified file. Callers hold
 * {@link #lock()} around each request's work on the session (two requests for one session are serialised).
 */
public final class Upload {
    private final String id;
    private final RepositoryName repository;
    private final Path file;
    private final String algorithm;
    private final MessageDigest hash;
    private final ReentrantLock lock = new ReentrantLock();
    private FileChannel channel;
    private long size;
    private volatile Instant lastUsed;
    private boolean done;

    Upload(String id, RepositoryName repository, Path file, String algorithm, Instant now) {
        this.id = id;
        this.repository = repository;
        this.file = file;
        this.algorithm = algorithm;
        this.hash = messageDigest(algorithm);
        this.lastUsed = now;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw BlobStore.failure("open upload " + id, e);
        }
    }

    public String id() {
        return id;
    }

    public RepositoryName repository() {
        return repository;
    }

    public ReentrantLock lock() {
        return lock;
    }

    /** Bytes received so far. */
    public long size() {
        return size;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    /** Appends bytes at the end of the upload (the buffer is consumed). */
    public void append(ByteBuffer bytes, Instant now) {
        checkOpen();
        lastUsed = now;
        hash.update(bytes.duplicate());
        size += bytes.remaining();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw BlobStore.failure("write upload " + id, e);
        }
    }

    /**
     * Ends the upload: fsyncs the file and checks it is {@code expected}. The file is then ready to be published
     * under that digest; on a mismatch it is deleted and DIGEST_INVALID thrown.
     */
    Path finish(Digest expected) {
        checkOpen();
        done = true;
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            BlobStore.deleteQuietly(file);
            throw BlobStore.failure("finish upload " + id, e);
        }
        String actual = expected.algorithm().equals(algorithm) ? HexFormat.of().formatHex(hash.digest())
                : rehash(expected.algorithm());
        if (!actual.equals(expected.encoded())) {
            BlobStore.deleteQuietly(file);
            throw new RegistryException(ErrorCode.DIGEST_INVALID, "cannot accept the blob: its " + size
                    + " bytes have digest " + expected.algorithm() + ":" + actual + ", not " + expected);
        }
        return file;
    }

    /** The session was streamed as one algorithm and closed with a digest of another: read the file once more. */
    private String rehash(String otherAlgorithm) {
        MessageDigest other = messageDigest(otherAlgorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                other.update(buffer, 0, n);
            }
        } catch (IOException e) {
            BlobStore.deleteQuietly(file);
            throw BlobStore.failure("read upload " + id, e);
        }
        return HexFormat.of().formatHex(other.digest());
    }

    /** Cancels the upload and deletes its file. */
    void abort() {
        if (!done) {
            done = true;
            try {
                channel.close();
            } catch (IOException e) {
                // the file is deleted next; nothing to keep
            }
        }
        BlobStore.deleteQuietly(file);
    }

    private void checkOpen() {
        if (done) {
            throw new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN, "upload " + id + " is already finished or cancelled");
        }
    }

    static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(switch (algorithm) {
                case "sha256" -> "SHA-256";
                case "sha512" -> "SHA-512";
                default -> throw new RegistryException(ErrorCode.DIGEST_INVALID,
                        "unsupported digest algorithm \"" + algorithm + "\": use sha256 or sha512");
            });
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }
}
