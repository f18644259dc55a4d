package dev.strata.core.runtime.spec;

import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a user-database file of a root filesystem. Its path is resolved inside the root filesystem, symbolic
 * links included, so that an image's {@code /etc/passwd -> /../../host/file} cannot make us read the host's
 * files; anything but a regular file counts as missing, as in moby.
 */
final class UserFiles {
    /** moby's cap: user databases are small, and a huge file is more likely an attack than a user list. */
    static final int MAX_BYTES = 10 << 20;
    private static final int MAX_LINKS = 255;

    private UserFiles() {}

    /** The file's text, or "" when it is missing or not a regular file. */
    static String read(Path rootfs, String path) {
        Path file = resolveInRoot(rootfs, path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new StrataException(Kind.CORRUPT, "cannot read the image's " + path + ": it exceeds "
                        + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new StrataException(Kind.SYSTEM, "cannot read the image's " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code path} (absolute, inside the container) as a host path under {@code rootfs}, following symbolic
     * links with {@code rootfs} as their root: {@code ..} and absolute targets never leave it.
     */
    static Path resolveInRoot(Path rootfs, String path) {
        Deque<String> pending = new ArrayDeque<>(List.of(path.split("/")));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.pollFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            Path candidate = under(rootfs, resolved).resolve(name);
            if (!Files.isSymbolicLink(candidate)) {
                resolved.add(name);
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new StrataException(Kind.CORRUPT, "cannot read the image's " + path
                        + ": too many levels of symbolic links");
            }
            String target;
            try {
                target = Files.readSymbolicLink(candidate).toString();
            } catch (IOException e) {
                throw new StrataException(Kind.SYSTEM, "cannot read the image's " + path + ": " + e.getMessage(), e);
            }
            if (target.startsWith("/")) {
                resolved.clear();
            }
            List<String> names = List.of(target.split("/"));
            for (int i = names.size() - 1; i >= 0; i--) {
                pending.addFirst(names.get(i));
            }
        }
        return under(rootfs, resolved);
    }

    private static Path under(Path rootfs, List<String> names) {
        Path p = rootfs;
        for (String name : names) {
            p = p.resolve(name);
        }
        return p;
    }
}
