package dev.strata.core.runtime.rootfs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds and reads tar streams for tests with Commons Compress, as another tool would. */
final class Tars {
    static final Instant MTIME = Instant.parse("2021-02-03T04:05:06Z");

    /** One entry as read back: its name, type flag, mode, owners, link target and content. */
    record Item(String name, char type, int mode, long uid, long gid, String link, String content, long mtime) {}

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    Tars() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    Tars dir(String name) {
        return dir(name, 0755, 1000);
    }

    Tars dir(String name, int mode, int owner) {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, true);
        e.setMode(mode);
        e.setIds(owner, owner);
        return add(e, new byte[0]);
    }

    Tars file(String name, String content) {
        return file(name, content, 0644, 1000);
    }

    Tars file(String name, String content, int mode, int owner) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
        e.setMode(mode);
        e.setSize(data.length);
        e.setIds(owner, owner);
        return add(e, data);
    }

    Tars symlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        e.setLinkName(target);
        e.setMode(0777);
        return add(e, new byte[0]);
    }

    Tars hardlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        e.setLinkName(target);
        return add(e, new byte[0]);
    }

    /** A global PAX header, such as {@code git archive} starts its archives with. */
    Tars globalHeader(String key, String value) {
        TarArchiveEntry e = new TarArchiveEntry("pax_global_header", TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER, true);
        e.addPaxHeader(key, value);
        try {
            tar.putArchiveEntry(e); // writes the records and closes the entry
            return this;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private Tars add(TarArchiveEntry e, byte[] content) {
        try {
            e.setModTime(FileTime.from(MTIME));
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
            return this;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    byte[] build() {
        try {
            tar.finish();
            return bytes.toByteArray();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    ByteArrayInputStream stream() {
        return new ByteArrayInputStream(build());
    }

    static List<Item> read(byte[] archive) {
        List<Item> items = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                items.add(new Item(e.getName(), (char) e.getLinkFlag(), e.getMode(), e.getLongUserId(),
                        e.getLongGroupId(), e.getLinkName(), content, e.getLastModifiedTime().toInstant().getEpochSecond()));
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return items;
    }

    static List<String> names(byte[] archive) {
        return read(archive).stream().map(Item::name).toList();
    }

    static Map<String, Item> byName(byte[] archive) {
        Map<String, Item> items = new LinkedHashMap<>();
        read(archive).forEach(item -> items.put(item.name(), item));
        return items;
    }
}
