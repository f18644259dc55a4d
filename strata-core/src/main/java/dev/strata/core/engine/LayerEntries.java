package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.EntryType;
import dev.strata.core.archive.TarEntry;
import dev.strata.core.archive.TarWriter;
import dev.strata.core.build.context.PlannedEntry;
import dev.strata.core.runtime.spec.ExecUser;
import dev.strata.core.runtime.spec.UserResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entries of a COPY or ADD layer: the destination's missing parent directories (root's, 0755), then the planned
 * files with {@code --chown} and {@code --chmod} applied and, in a reproducible build, no time later than the
 * build's. Stateless but for that time.
 */
final class LayerEntries {
    private static final int DIRECTORY_MODE = 0755;

    private final Optional<Instant> epoch;

    LayerEntries(Optional<Instant> epoch) {
        this.epoch = epoch;
    }

    /** The ancestors of {@code targets} the image lacks and the plan does not create, parents first. */
    static List<String> missingDirectories(Path root, List<String> targets, Set<String> planned) {
        Set<String> missing = new LinkedHashSet<>();
        for (String target : targets) {
            List<String> ancestors = new ArrayList<>();
            for (String p = parent(target); !p.equals("/"); p = parent(p)) {
                ancestors.addFirst(p);
            }
            for (String dir : ancestors) {
                if (!planned.contains(dir) && !Files.exists(root.resolve(dir.substring(1)), LinkOption.NOFOLLOW_LINKS)) {
                    missing.add(dir);
                }
            }
        }
        return List.copyOf(missing);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    void writeDirectories(TarWriter tar, List<String> directories) throws IOException {
        long now = epoch.orElse(Instant.now()).getEpochSecond();
        for (String dir : directories) {
            tar.write(new TarEntry(dir.substring(1), EntryType.DIRECTORY, null, DIRECTORY_MODE, 0, 0, 0, now, 0, 0, 0,
                    Map.of()), InputStream.nullInputStream());
        }
    }

    void write(TarWriter tar, PlannedEntry e, int[] owner, Integer chmod) throws IOException {
        EntryType type = switch (e.kind()) {
            case FILE -> EntryType.FILE;
            case DIRECTORY -> EntryType.DIRECTORY;
            case SYMLINK -> EntryType.SYMLINK;
            case CHAR_DEVICE -> EntryType.CHAR_DEVICE;
            case BLOCK_DEVICE -> EntryType.BLOCK_DEVICE;
            case FIFO -> EntryType.FIFO;
        };
        long seconds = e.mtimeSeconds();
        int nanos = e.mtimeNanos();
        if (epoch.isPresent() && seconds >= epoch.get().getEpochSecond()) {
            seconds = epoch.get().getEpochSecond();
            nanos = 0;
        }
        int mode = chmod != null && type != EntryType.SYMLINK ? chmod : e.mode();
        byte[] link = e.linkTarget() == null ? null : e.linkTarget().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TarEntry entry = new TarEntry(e.target().substring(1), type, link, mode, owner[0], owner[1], e.size(), seconds,
                nanos, (int) e.deviceMajor(), (int) e.deviceMinor(), Map.of());
        if (type == EntryType.FILE) {
            try (InputStream in = Files.newInputStream(e.file(), LinkOption.NOFOLLOW_LINKS)) {
                tar.write(entry, in);
            }
        } else {
            tar.write(entry, InputStream.nullInputStream());
        }
    }

    /** {@code --chown}: a user and group, by name (from the image's files) or number; no group means the user's ID. */
    static int[] owner(Path root, String spec) {
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        try {
            ExecUser resolved = UserResolver.resolve(root, spec);
            return new int[] {resolved.uid(), colon < 0 ? resolved.uid() : resolved.gid()};
        } catch (StrataException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "unable to convert uid/gid chown string to host mapping: " + e.getMessage() + " (--chown=" + spec
                            + ", user " + user + ")", e);
        }
    }

    static int octal(String chmod) {
        if (!chmod.matches("[0-7]{3,4}")) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid chmod parameter: " + chmod);
        }
        return Integer.parseInt(chmod, 8);
    }
}
