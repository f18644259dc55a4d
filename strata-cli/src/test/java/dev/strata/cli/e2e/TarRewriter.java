package dev.strata.cli.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Copies a tar, replacing the content of one entry: the way tests forge lying archives. */
final class TarRewriter {
    private TarRewriter() {}

    static byte[] replace(byte[] tar, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar));
                TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    data = content;
                }
                TarArchiveEntry copy = new TarArchiveEntry(entry.getName(), entry.getLinkFlag());
                copy.setLinkName(entry.getLinkName());
                copy.setMode(entry.getMode());
                copy.setSize(entry.isFile() ? data.length : 0);
                out.putArchiveEntry(copy);
                if (entry.isFile()) {
                    out.write(data);
                }
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
