package dev.strata.core.runtime.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A small container root file system beside a host directory it must never reach: {@code root/} holds
 * {@code etc}, {@code usr/bin}, links of every escaping kind; {@code host/} holds a secret and an empty target.
 */
final class RootFixture {
    final Path root;
    final Path host;

    RootFixture(Path dir) throws IOException {
        root = Files.createDirectory(dir.resolve("root"));
        host = Files.createDirectory(dir.resolve("host"));
        Files.writeString(host.resolve("secret"), "host secret");
        Files.createDirectory(host.resolve("target"));

        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        Files.writeString(root.resolve("etc/hostname"), "container\n");
        Files.createDirectories(root.resolve("usr/bin"));
        Path tool = Files.writeString(root.resolve("usr/bin/tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("tmp"));
        Files.createSymbolicLink(root.resolve("tools"), Path.of("usr/bin"));
        Files.createSymbolicLink(root.resolve("abs-etc"), Path.of("/etc"));
        // Links that lead to the host if anything follows them outside the root:
        Files.createSymbolicLink(root.resolve("escape-abs"), host);
        Files.createSymbolicLink(root.resolve("escape-dotdot"), Path.of("../../../../../../../../../.." + host));
        Files.createSymbolicLink(root.resolve("tmp/up"), Path.of("../../../../../../../../etc"));
    }

    /** True if the host directory holds nothing but what the fixture put there. */
    boolean hostUntouched() throws IOException {
        try (var names = Files.list(host)) {
            return names.map(p -> p.getFileName().toString()).sorted().toList().equals(java.util.List.of("secret", "target"))
                    && Files.readString(host.resolve("secret")).equals("host secret")
                    && isEmpty(host.resolve("target"));
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var names = Files.list(dir)) {
            return names.findAny().isEmpty();
        }
    }
}
