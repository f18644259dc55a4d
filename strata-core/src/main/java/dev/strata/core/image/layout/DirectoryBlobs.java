package dev.strata.core.image.layout;

import dev.strata.core.StrataException;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/** The blobs of a layout directory. Documents are verified against their digests; layers are not re-read. */
final class DirectoryBlobs implements BlobSource {
    private final Path root;
    private final String action;

    DirectoryBlobs(Path root, String action) {
        this.root = root;
        this.action = action;
    }

    @Override
    public Optional<LocalBlob> find(Digest digest) {
        Path file = root.resolve(OciLayout.blobPath(digest));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new LocalBlob(digest, Files.size(file), file, in.readNBytes(LocalBlob.HEAD)));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot " + action + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] document(Digest digest, String what) {
        byte[] raw = read(OciLayout.blobPath(digest), what);
        MessageDigest md = digest.newMessageDigest();
        String actual = HexFormat.of().formatHex(md.digest(raw));
        if (!actual.equals(digest.encoded())) {
            throw corrupt(what + " does not match its digest: its content hashes to " + digest.algorithm() + ":" + actual);
        }
        return raw;
    }

    /** A small file of the layout by its relative path. */
    byte[] read(String path, String what) {
        Path file = root.resolve(path);
        try {
            if (!Files.isRegularFile(file)) {
                throw corrupt(what + " (" + path + ") is missing");
            }
            if (Files.size(file) > StoredImage.MAX_DOCUMENT) {
                throw corrupt(what + " (" + path + ") is larger than " + StoredImage.MAX_DOCUMENT + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot " + action + ": " + e.getMessage(), e);
        }
    }

    StrataException corrupt(String reason) {
        return new StrataException(StrataException.Kind.CORRUPT, "cannot " + action + ": " + reason);
    }
}
