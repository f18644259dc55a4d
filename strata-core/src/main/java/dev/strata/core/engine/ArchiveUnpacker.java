package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.EntryType;
import dev.strata.core.archive.TarEntry;
import dev.strata.core.archive.TarReader;
import dev.strata.core.archive.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the entries of a tar archive from the context into a layer, under ADD's destination: what
 * {@code ADD app.tar.gz /srv/} does. Names are cleaned and kept inside the destination (an entry that climbs out
 * with {@code ..} is refused, as is a hard link to outside the archive); owners and modes come from the archive
 * unless {@code --chown} or {@code --chmod} say otherwise.
 */
final class ArchiveUnpacker {
    private final TarWriter tar;
    private final String destination;
    private final int[] owner;
    private final Integer mode;
    private final Optional<Instant> epoch;

    /** @param owner uid and gid for every entry, or null to keep the archive's */
    ArchiveUnpacker(TarWriter tar, String destination, int[] owner, Integer mode, Optional<Instant> epoch) {
        this.tar = tar;
        this.destination = destination.equals("/") ? "" : destination.substring(1);
        this.owner = owner;
        this.mode = mode;
        this.epoch = epoch;
    }

    void unpack(Path archive) throws IOException {
        String what = "unpack " + archive.getFileName();
        try (InputStream in = Files.newInputStream(archive); TarReader reader = TarReader.open(in, what)) {
            for (TarEntry e = reader.next(); e != null; e = reader.next()) {
                String name = inside(e.name(), archive);
                if (name.isEmpty()) {
                    continue; // the archive's "./": the destination itself, made as a parent
                }
                byte[] link = e.linkTarget();
                if (e.type() == EntryType.HARDLINK) {
                    link = inside(new String(link, StandardCharsets.UTF_8), archive).getBytes(StandardCharsets.UTF_8);
                }
                long seconds = e.mtimeSeconds();
                int nanos = e.mtimeNanos();
                if (epoch.isPresent() && seconds >= epoch.get().getEpochSecond()) {
                    seconds = epoch.get().getEpochSecond();
                    nanos = 0;
                }
                int entryMode = mode != null && e.type() != EntryType.SYMLINK ? mode : e.mode();
                TarEntry rewritten = new TarEntry(name, e.type(), link, entryMode, owner == null ? e.uid() : owner[0],
                        owner == null ? e.gid() : owner[1], e.size(), seconds, nanos, e.deviceMajor(), e.deviceMinor(),
                        e.xattrs());
                tar.write(rewritten, e.type() == EntryType.FILE ? reader.content() : InputStream.nullInputStream());
            }
        }
    }

    /** The entry's path under the destination, without a leading slash; refused if it leaves the destination. */
    private String inside(String name, Path archive) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new StrataException(StrataException.Kind.CORRUPT, "cannot ADD " + archive.getFileName()
                            + ": its entry " + name + " points outside the destination");
                }
                parts.removeLast();
            } else {
                parts.add(part);
            }
        }
        String relative = String.join("/", parts);
        if (relative.isEmpty()) {
            return "";
        }
        return destination.isEmpty() ? relative : destination + "/" + relative;
    }
}
