package dev.strata.core.archive;

import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** TEMPORARY stub until the archive branch lands. */
public final class LayerApplier {
    public ApplyResult apply(InputStream layer, Path target) throws IOException {
        MessageDigest sha = Digest.newSha256();
        DigestInputStream digesting = new DigestInputStream(Compression.decompressing(layer), sha);
        long size = 0;
        long entries = 0;
        TarArchiveInputStream tar = new TarArchiveInputStream(digesting);
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            entries++;
            Path p = target.resolve(e.getName());
            if (e.isDirectory()) {
                Files.createDirectories(p);
            } else if (e.isSymbolicLink()) {
                Files.createDirectories(p.getParent());
                Files.createSymbolicLink(p, Path.of(e.getLinkName()));
            } else if (e.isFile()) {
                Files.createDirectories(p.getParent());
                Files.copy(tar, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                size += e.getSize();
            }
        }
        digesting.transferTo(java.io.OutputStream.nullOutputStream());
        return new ApplyResult(Digest.fromSha256(sha.digest()), size, entries);
    }
}
