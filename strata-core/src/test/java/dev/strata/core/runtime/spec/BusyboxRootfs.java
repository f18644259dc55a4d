package dev.strata.core.runtime.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A minimal root filesystem for runtime tests: Debian's static busybox, its applets, and a small user database. */
final class BusyboxRootfs {
    static final Path BUSYBOX = Path.of("/bin/busybox");
    static final List<String> APPLETS = List.of("sh", "echo", "cat", "ls", "id", "pwd", "env", "hostname", "touch",
            "mkdir", "sleep", "true", "false", "grep", "head", "wc", "mknod", "tr", "cut", "httpd");
    static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            nobody:x:65534:65534:nobody:/nonexistent:/bin/false
            app:x:1000:1000:app:/home/app:/bin/sh
            """;
    static final String GROUP = """
            root:x:0:
            wheel:x:10:root,app
            audio:x:29:app
            app:x:1000:
            nobody:x:65534:
            """;

    private BusyboxRootfs() {}

    static Path create(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String applet : APPLETS) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
        for (String d : List.of("etc", "proc", "sys", "dev", "tmp", "root", "home/app")) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.writeString(dir.resolve("etc/passwd"), PASSWD);
        Files.writeString(dir.resolve("etc/group"), GROUP);
        return dir;
    }
}
