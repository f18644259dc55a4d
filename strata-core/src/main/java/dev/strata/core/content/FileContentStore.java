package dev.strata.core.content;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The content store on a filesystem, laid out as the blobs of an OCI image layout: {@code blobs/sha256/<hex>}.
 * Temporary files live in the same filesystem (the {@link Scratch} corner), so publishing is one rename.
 * Thread-safe, and safe for several processes sharing one root.
 */
public final class FileContentStore implements ContentStore {
    private final Path blobs;
    private final Scratch scratch;

    public FileContentStore(Path blobs, Scratch scratch) {
        this.blobs = blobs;
        this.scratch = scratch;
    }

    private Path pathOf(Digest digest) {
        return blobs.resolve(digest.algorithm()).resolve(digest.encoded());
    }

    @Override
    public OptionalLong size(Digest digest) {
        try {
            return OptionalLong.of(Files.size(pathOf(digest)));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public InputStream open(Digest digest) {
        try {
            return Files.newInputStream(pathOf(digest));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(digest);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read blob " + digest + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(Digest digest, int maxBytes) {
        long size = size(digest).orElseThrow(() -> new BlobNotFoundException(digest));
        if (size > maxBytes) {
            throw new StrataException(StrataException.Kind.CORRUPT, "blob " + digest + " is " + size
                    + " bytes, more than the " + maxBytes + " allowed for a manifest or config");
        }
        try (InputStream in = open(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read blob " + digest + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path file(Digest digest) {
        Path path = pathOf(digest);
        if (!Files.exists(path)) {
            throw new BlobNotFoundException(digest);
        }
        return path;
    }

    @Override
    public BlobWriter writer() {
        Path temp = scratch.newPath("blob");
        try {
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new BlobWriter(temp, channel, this::publish);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot start writing a blob: " + e.getMessage(), e);
        }
    }

    /**
     * Stages a file whose digest the caller has already verified, by hard link (or copy across filesystems),
     * so publishing it later is one rename and the source file stays untouched.
     */
    public StagedBlob stageVerifiedFile(Path file, Digest digest) {
        Path temp = scratch.newPath("blob");
        try {
            try {
                Files.createLink(temp, file);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, temp);
            }
            return new StagedBlob(digest, Files.size(temp), temp, this::publish);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot stage " + file + ": " + e.getMessage(), e);
        }
    }

    private Digest publish(Path staged, Digest digest) {
        Path target = pathOf(digest);
        try {
            if (Files.exists(target)) {
                Files.deleteIfExists(staged);
                return digest;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StrataException(StrataException.Kind.SYSTEM,
                        "cannot publish blob " + digest + ": the ingest directory is on another filesystem", e);
            }
            return digest;
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot publish blob " + digest + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Digest> list() {
        return digestsIn(blobs);
    }

    /**
     * The digests of the blobs in a {@code blobs/ALGORITHM/HEX} tree (an OCI layout's, a registry's): names that are
     * no digest are stray files, not blobs, and left out.
     */
    public static List<Digest> digestsIn(Path blobs) {
        List<Digest> all = new ArrayList<>();
        if (!Files.isDirectory(blobs)) {
            return all;
        }
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(blobs)) {
            for (Path algorithm : algorithms) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(algorithm)) {
                    for (Path file : files) {
                        try {
                            all.add(new Digest(algorithm.getFileName().toString(), file.getFileName().toString()));
                        } catch (StrataException e) {
                            // not a blob (a stray file): not ours to list
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot list blobs: " + e.getMessage(), e);
        }
        return all;
    }

    @Override
    public void delete(Digest digest) {
        try {
            Files.deleteIfExists(pathOf(digest));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot delete blob " + digest + ": " + e.getMessage(), e);
        }
    }
}
