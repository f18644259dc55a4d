package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryListerTest {
    @TempDir
    Path dir;

    @Test
    void everyEntryComesWithTheStatThatLstatGives() throws Exception {
        Files.writeString(dir.resolve("file"), "hello");
        PosixFiles.chmod(dir.resolve("file"), 04751);
        Files.setLastModifiedTime(dir.resolve("file"), FileTime.fromMillis(1_234_567_890_123L));
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/below"), "not listed: only the directory's own entries are");

        Map<String, FileStat> listed = list(dir);

        assertThat(listed).containsOnlyKeys("file", "sub", "link");
        for (String name : listed.keySet()) {
            assertThat(listed.get(name)).as(name).isEqualTo(PosixFiles.lstat(dir.resolve(name)));
        }
        assertThat(listed.get("file").permissions()).isEqualTo(04751);
        assertThat(listed.get("file").size()).isEqualTo(5);
        assertThat(listed.get("file").mtimeSeconds()).isEqualTo(1_234_567_890L);
        assertThat(listed.get("file").mtimeNanos()).isEqualTo(123_000_000);
        assertThat(listed.get("link").isSymbolicLink()).isTrue();
        assertThat(listed.get("sub").isDirectory()).isTrue();
    }

    @Test
    void aDirectoryOfThousandsOfNamesTakesSeveralReadsAndLosesNone() throws Exception {
        for (int i = 0; i < 3000; i++) {
            Files.createFile(dir.resolve("a-rather-long-file-name-to-fill-the-buffer-sooner-" + i));
        }

        Map<String, FileStat> listed = list(dir);

        assertThat(listed).hasSize(3000).containsKey("a-rather-long-file-name-to-fill-the-buffer-sooner-2999");
    }

    @Test
    void oneListerListsOneDirectoryAfterAnother() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/x"), "1");
        Files.writeString(dir.resolve("b/y"), "22");

        try (DirectoryLister lister = new DirectoryLister()) {
            Map<String, FileStat> a = new HashMap<>();
            Map<String, FileStat> b = new HashMap<>();
            lister.list(dir.resolve("a"), a::put);
            lister.list(dir.resolve("b"), b::put);

            assertThat(a).containsOnlyKeys("x");
            assertThat(b).containsOnlyKeys("y");
            assertThat(b.get("y").size()).isEqualTo(2);
        }
    }

    @Test
    void aNameWithAnyUnicodeComesBackAsWritten() throws Exception {
        Files.createFile(dir.resolve("größe-日本-\uD83D\uDE00"));

        assertThat(list(dir)).containsOnlyKeys("größe-日本-\uD83D\uDE00");
    }

    @Test
    void aMissingDirectoryOrAFileIsAnErrorWithItsErrno() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");

        try (DirectoryLister lister = new DirectoryLister()) {
            assertThatThrownBy(() -> lister.list(dir.resolve("missing"), (n, s) -> {}))
                    .isInstanceOfSatisfying(ErrnoException.class,
                            e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENOENT));
            assertThatThrownBy(() -> lister.list(file, (n, s) -> {}))
                    .isInstanceOfSatisfying(ErrnoException.class,
                            e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENOTDIR));
        }
    }

    private static Map<String, FileStat> list(Path directory) throws Exception {
        Map<String, FileStat> listed = new HashMap<>();
        try (DirectoryLister lister = new DirectoryLister()) {
            lister.list(directory,
                    (name, stat) -> assertThat(listed.put(name, stat)).as("listed twice: " + name).isNull());
        }
        return listed;
    }
}
