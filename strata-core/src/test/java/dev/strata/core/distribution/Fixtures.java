package dev.strata.core.distribution;

import dev.strata.core.engine.Engine;
import dev.strata.core.engine.ImportRequest;
import dev.strata.core.engine.RegistrySettings;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.StoreLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Engines over temporary stores, images imported from small root filesystems, settings for a test registry. */
final class Fixtures {
    private Fixtures() {}

    static Engine engine(Path root) {
        return new Engine(new LocalStore(new StoreLayout(root)), Clock.systemUTC());
    }

    static RegistrySettings settings(Path dir) {
        return new RegistrySettings(dir.resolve("docker/config.json"), List.of(dir.resolve("bin")), RegistryConfig.DEFAULT);
    }

    /** A root filesystem tar: BusyBox when it is installed, plus a file whose content makes the image distinct. */
    static byte[] rootfs(String marker, int extraBytes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Path busybox = Path.of("/bin/busybox");
            if (Files.isRegularFile(busybox)) {
                dir(out, "bin/");
                file(out, "bin/busybox", Files.readAllBytes(busybox), 0755);
                TarArchiveEntry sh = new TarArchiveEntry("bin/sh", TarArchiveEntry.LF_SYMLINK);
                sh.setLinkName("busybox");
                out.putArchiveEntry(sh);
                out.closeArchiveEntry();
            }
            dir(out, "etc/");
            file(out, "etc/marker", marker.getBytes(StandardCharsets.UTF_8), 0644);
            byte[] extra = new byte[extraBytes];
            new java.util.Random(marker.hashCode()).nextBytes(extra);
            file(out, "etc/extra.bin", extra, 0644);
        }
        return bytes.toByteArray();
    }

    private static void dir(TarArchiveOutputStream out, String name) throws Exception {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(040755);
        out.putArchiveEntry(e);
        out.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream out, String name, byte[] data, int mode) throws Exception {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        e.setMode(0100000 | mode);
        out.putArchiveEntry(e);
        out.write(data);
        out.closeArchiveEntry();
    }

    static Digest importImage(Engine engine, byte[] tar, String reference) {
        return engine.importImage(new ImportRequest(() -> new ByteArrayInputStream(tar), "-",
                Reference.parse(reference), List.of("CMD [\"sh\"]"), "", null), ProgressListener.NONE);
    }
}
