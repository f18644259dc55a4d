package dev.strata.core.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tar streams for tests with Commons Compress, the way other tools would write them. */
final class TarFixture {
    static final Instant MTIME = Instant.parse("2020-01-02T03:04:05Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    TarFixture() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** Long names as GNU tar writes them: {@code ././@LongLink} entries instead of PAX. */
    static TarFixture gnu() {
        TarFixture fixture = new TarFixture();
        fixture.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
        return fixture;
    }

    TarFixture dir(String name) {
        return dir(name, 0755, e -> {});
    }

    TarFixture dir(String name, int mode, Consumer<TarArchiveEntry> more) {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, true);
        e.setMode(mode);
        return add(e, new byte[0], more);
    }

    TarFixture file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644, e -> {});
    }

    TarFixture file(String name, byte[] content, int mode, Consumer<TarArchiveEntry> more) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
        e.setMode(mode);
        e.setSize(content.length);
        return add(e, content, more);
    }

    TarFixture symlink(String name, String target) {
        return symlink(name, target, e -> {});
    }

    TarFixture symlink(String name, String target, Consumer<TarArchiveEntry> more) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        e.setLinkName(target);
        e.setMode(0777);
        return add(e, new byte[0], more);
    }

    TarFixture hardlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        e.setLinkName(target);
        e.setMode(0644);
        return add(e, new byte[0], x -> {});
    }

    TarFixture device(String name, byte type, int major, int minor) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setMode(0660);
        e.setDevMajor(major);
        e.setDevMinor(minor);
        return add(e, new byte[0], x -> {});
    }

    TarFixture fifo(String name) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_FIFO, true);
        e.setMode(0640);
        return add(e, new byte[0], x -> {});
    }

    TarFixture add(TarArchiveEntry e, byte[] content, Consumer<TarArchiveEntry> more) {
        e.setModTime(FileTime.from(MTIME));
        e.setUserName("");
        e.setGroupName("");
        more.accept(e);
        try {
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return this;
    }

    byte[] build() {
        try {
            tar.finish();
            tar.close();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return bytes.toByteArray();
    }
}
