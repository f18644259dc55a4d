package dev.strata.cli.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Root filesystem tarballs for tests: BusyBox from Debian's busybox-static, and small synthetic trees. */
final class TestImages {
    static final Path BUSYBOX = Path.of("/bin/busybox");
    static final List<String> APPLETS = List.of("sh", "ls", "cat", "echo", "true", "false", "cp", "mkdir", "rm", "httpd",
            "sleep", "id", "hostname", "env", "touch", "pwd", "wget", "grep", "test", "stty", "stat", "wc", "head", "tr");
    /** Users for user-resolution tests: root, an unprivileged {@code app} (1000:1000) and {@code nobody}. */
    static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
    static final String GROUP = "root:x:0:\napp:x:1000:\nstaff:x:50:app\nnogroup:x:65534:\n";

    private TestImages() {}

    /** A tar of a BusyBox root filesystem: bin/busybox, applet symlinks, etc/passwd, etc/group. */
    static Path busyboxTar(Path dir) throws IOException {
        return busyboxTar(dir, "busybox-rootfs.tar", Map.of());
    }

    /** The BusyBox root filesystem with these files added (path → content; their parents are made). */
    static Path busyboxTar(Path dir, String name, Map<String, String> extra) throws IOException {
        if (!Files.isRegularFile(BUSYBOX)) {
            throw new IllegalStateException("/bin/busybox is missing: install Debian's busybox-static (./run-tests does)");
        }
        Path tar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            directory(out, "bin/");
            directory(out, "etc/");
            TarArchiveEntry busybox = new TarArchiveEntry("bin/busybox");
            busybox.setSize(Files.size(BUSYBOX));
            busybox.setMode(0100755);
            out.putArchiveEntry(busybox);
            Files.copy(BUSYBOX, out);
            out.closeArchiveEntry();
            for (String applet : APPLETS) {
                TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                out.putArchiveEntry(link);
                out.closeArchiveEntry();
            }
            file(out, "etc/passwd", PASSWD);
            file(out, "etc/group", GROUP);
            java.util.Set<String> made = new java.util.HashSet<>(List.of("bin/", "etc/"));
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(extra).entrySet()) {
                String path = e.getKey();
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    if (made.add(path.substring(0, slash + 1))) {
                        directory(out, path.substring(0, slash + 1));
                    }
                }
                file(out, path, e.getValue());
            }
        }
        return tar;
    }

    /** A tar holding these files (path → content). */
    static Path filesTar(Path dir, String name, Map<String, String> files) throws IOException {
        Path tar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(files).entrySet()) {
                file(out, e.getKey(), e.getValue());
            }
        }
        return tar;
    }

    static void directory(TarArchiveOutputStream out, String name) throws IOException {
        TarArchiveEntry dir = new TarArchiveEntry(name);
        dir.setMode(040755);
        out.putArchiveEntry(dir);
        out.closeArchiveEntry();
    }

    static void file(TarArchiveOutputStream out, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0100644);
        out.putArchiveEntry(entry);
        out.write(bytes);
        out.closeArchiveEntry();
    }
}
