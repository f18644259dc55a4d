package dev.strata.core.build.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextChecksumsTest {
    @TempDir
    Path temp;
    Path cacheDir;
    ContextFixture fixture;
    BuildContext context;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new ContextFixture(Files.createDirectory(temp.resolve("ctx")));
        cacheDir = temp.resolve("cache");
        fixture.file("a.txt", "hello").file("dir/b.txt", "bee").file("dir/sub/c.txt", "sea").symlink("dir/link", "b.txt");
        context = BuildContext.directory(fixture.root);
    }

    private String checksum(String source) {
        try (ContextChecksums sums = fixture.checksums(context, cacheDir)) {
            return new CopyPlanner(context, IgnoreRules.none(), sums)
                    .plan(CopyRequest.of("COPY", List.of(source), "/dst/", "/")).checksum();
        }
    }

    @Test
    void aFileChecksumIsTheTarsumHeaderThenTheContent() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(("name" + "a.txt" + "mode" + "420" + "uid0gid0" + "size5" + "typeflag0" + "linkname" + "uname"
                + "gname" + "devmajor0" + "devminor0" + "hello").getBytes(StandardCharsets.UTF_8));
        assertThat(checksum("a.txt")).isEqualTo("file:" + HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void aDirectoryChecksumHashesTheSortedChecksumsOfItselfAndEverythingBelow() throws Exception {
        String dirHeader = header("dir/", 0755, 0, '5', "");
        String b = hash(header("dir/b.txt", 0644, 3, '0', "") + "bee");
        String link = hash(header("dir/link", 0777, 0, '2', "b.txt"));
        String sub = hash(header("dir/sub/", 0755, 0, '5', ""));
        String c = hash(header("dir/sub/c.txt", 0644, 3, '0', "") + "sea");
        List<String> sorted = new java.util.ArrayList<>(List.of(hash(dirHeader), b, link, sub, c));
        java.util.Collections.sort(sorted);
        Files.setPosixFilePermissions(fixture.root.resolve("dir"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(fixture.root.resolve("dir/sub"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(checksum("dir")).isEqualTo("dir:" + hash(String.join(",", sorted)));
    }

    @Test
    void touchingChangesNothingButEditingChmodAndRenamingDo() throws IOException {
        String file = checksum("a.txt");
        String dir = checksum("dir");
        Files.setLastModifiedTime(fixture.root.resolve("a.txt"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        Files.setLastModifiedTime(fixture.root.resolve("dir/sub/c.txt"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        assertThat(checksum("a.txt")).isEqualTo(file);
        assertThat(checksum("dir")).isEqualTo(dir);

        fixture.file("a.txt", "hellO");
        assertThat(checksum("a.txt")).isNotEqualTo(file);
        fixture.file("a.txt", "hello", "rwxr--r--");
        assertThat(checksum("a.txt")).isNotEqualTo(file);
        fixture.file("a.txt", "hello", "rw-r--r--");
        assertThat(checksum("a.txt")).isEqualTo(file);

        fixture.file("dir/sub/c.txt", "sea", "rw-------");
        assertThat(checksum("dir")).isNotEqualTo(dir);
        fixture.file("dir/sub/c.txt", "sea", "rw-r--r--");
        assertThat(checksum("dir")).isEqualTo(dir);
        Files.move(fixture.root.resolve("dir/sub/c.txt"), fixture.root.resolve("dir/sub/d.txt"));
        assertThat(checksum("dir")).isNotEqualTo(dir);
    }

    @Test
    void aSecondRunReadsNoContentAtAll() throws IOException {
        fixture.file("big.bin", "x".repeat(300_000));
        String first;
        try (ContextChecksums sums = fixture.checksums(context, cacheDir)) {
            first = new CopyPlanner(context, IgnoreRules.none(), sums)
                    .plan(CopyRequest.of("COPY", List.of("."), "/app/", "/")).checksum();
            assertThat(sums.stats().bytesHashed()).isEqualTo(300_000 + 5 + 3 + 3);
        }
        long readBefore = fixture.bytesRead.get();
        assertThat(readBefore).isEqualTo(300_000 + 5 + 3 + 3);

        try (ContextChecksums again = fixture.checksums(context, cacheDir)) { // a new build, a new process
            String second = new CopyPlanner(context, IgnoreRules.none(), again)
                    .plan(CopyRequest.of("COPY", List.of("."), "/app/", "/")).checksum();
            assertThat(second).isEqualTo(first);
            assertThat(again.stats()).isEqualTo(new ChecksumStats(0, 0, 4));
        }
        assertThat(fixture.bytesRead.get()).isEqualTo(readBefore);

        fixture.file("dir/b.txt", "BEE");
        try (ContextChecksums third = fixture.checksums(context, cacheDir)) {
            new CopyPlanner(context, IgnoreRules.none(), third).plan(CopyRequest.of("COPY", List.of("."), "/app/", "/"));
            assertThat(third.stats()).isEqualTo(new ChecksumStats(1, 3, 3));
        }
    }

    @Test
    void aTouchedFileIsReadAgainButTheSourceIsRememberedWithoutRewritingThePerFileTable() throws IOException {
        String first;
        try (ContextChecksums sums = fixture.checksums(context, cacheDir)) {
            first = new CopyPlanner(context, IgnoreRules.none(), sums)
                    .plan(CopyRequest.of("COPY", List.of("."), "/app/", "/")).checksum();
        }
        Path table;
        try (var files = Files.list(cacheDir)) {
            table = files.filter(p -> p.toString().endsWith(".files")).findFirst().orElseThrow();
        }
        byte[] tableBefore = Files.readAllBytes(table);
        Files.setLastModifiedTime(fixture.root.resolve("a.txt"), FileTime.fromMillis(1_000_000));

        try (ContextChecksums touched = fixture.checksums(context, cacheDir)) {
            assertThat(new CopyPlanner(context, IgnoreRules.none(), touched)
                    .plan(CopyRequest.of("COPY", List.of("."), "/app/", "/")).checksum()).isEqualTo(first);
            assertThat(touched.stats().filesHashed()).isEqualTo(1);
        }
        assertThat(Files.readAllBytes(table)).as("the per-file table, for one touched file").isEqualTo(tableBefore);
        try (ContextChecksums again = fixture.checksums(context, cacheDir)) { // the touched source is remembered
            assertThat(new CopyPlanner(context, IgnoreRules.none(), again)
                    .plan(CopyRequest.of("COPY", List.of("."), "/app/", "/")).checksum()).isEqualTo(first);
            assertThat(again.stats().filesHashed()).isZero();
        }

        fixture.file("dir/b.txt", "BEE");
        try (ContextChecksums edited = fixture.checksums(context, cacheDir)) {
            new CopyPlanner(context, IgnoreRules.none(), edited)
                    .plan(CopyRequest.of("COPY", List.of("."), "/app/", "/"));
        }
        assertThat(Files.readAllBytes(table)).as("the per-file table, for a new checksum").isNotEqualTo(tableBefore);
    }

    @Test
    void aTouchedSourceKeepsItsChecksumFromItsOwnFilesWithoutThePerFileTable() throws IOException {
        String first = copyAll(cacheDir);
        try (var files = Files.list(cacheDir)) { // without the per-file table every file would be read again
            for (Path p : files.filter(p -> p.toString().endsWith(".files")).toList()) {
                Files.delete(p);
            }
        }
        Files.setLastModifiedTime(fixture.root.resolve("dir/sub/c.txt"), FileTime.fromMillis(2_000_000));
        try (ContextChecksums touched = fixture.checksums(context, cacheDir)) {
            assertThat(new CopyPlanner(context, IgnoreRules.none(), touched)
                    .plan(CopyRequest.of("COPY", List.of("."), "/app/", "/")).checksum()).isEqualTo(first);
            assertThat(touched.stats().filesHashed()).as("only the touched file is read").isEqualTo(1);
        }

        fixture.file("dir/sub/c.txt", "SEA"); // the same size: only the content tells
        String edited = copyAll(cacheDir);
        assertThat(edited).isNotEqualTo(first).isEqualTo(copyAll(temp.resolve("fresh-1")));
        Files.delete(fixture.root.resolve("a.txt"));
        String removed = copyAll(cacheDir);
        assertThat(removed).isNotEqualTo(edited).isEqualTo(copyAll(temp.resolve("fresh-2")));

        try (var files = Files.list(cacheDir)) { // a damaged record of a source's files is not trusted
            for (Path p : files.filter(p -> p.getFileName().toString().contains(".source-")).toList()) {
                flipAByte(p);
            }
        }
        fixture.file("dir/b.txt", "bea");
        assertThat(copyAll(cacheDir)).isEqualTo(copyAll(temp.resolve("fresh-3")));
    }

    private String copyAll(Path cache) {
        try (ContextChecksums sums = fixture.checksums(context, cache)) {
            return new CopyPlanner(context, IgnoreRules.none(), sums)
                    .plan(CopyRequest.of("COPY", List.of("."), "/app/", "/")).checksum();
        }
    }

    @Test
    void aFileChangedJustBeforeItWasHashedIsNotRemembered() throws IOException {
        Instant modified = Files.getLastModifiedTime(fixture.root.resolve("a.txt")).toInstant();
        Clock sameTick = Clock.fixed(modified.plusMillis(1), ZoneOffset.UTC);
        for (int run = 0; run < 2; run++) {
            try (ContextChecksums sums = ContextChecksums.open(context, cacheDir, fixture.countingOpener(), sameTick)) {
                new CopyPlanner(context, IgnoreRules.none(), sums).plan(CopyRequest.of("COPY", List.of("a.txt"), "/", "/"));
                assertThat(sums.stats().filesHashed()).isEqualTo(1);
            }
        }
    }

    @Test
    void aCorruptCacheIsIgnoredAndRebuilt() throws IOException {
        String first = checksum("dir");
        Path sources = cacheDir.resolve(ContextChecksums.cacheName(context.root()));
        Path files = cacheDir.resolve(sources.getFileName() + ".files");
        flipAByte(sources);
        long before = fixture.bytesRead.get();
        assertThat(checksum("dir")).isEqualTo(first);
        assertThat(fixture.bytesRead.get()).isEqualTo(before); // the per-file table still answers

        flipAByte(sources);
        flipAByte(files);
        try (var all = Files.list(cacheDir)) { // and the record of the source's files (SourceFiles)
            for (Path p : all.filter(p -> p.getFileName().toString().contains(".source-")).toList()) {
                flipAByte(p);
            }
        }
        assertThat(checksum("dir")).isEqualTo(first);
        assertThat(fixture.bytesRead.get() - before).isEqualTo(3 + 3); // read again, once

        Files.write(sources, new byte[] {1, 2, 3});
        Files.write(files, new byte[0]);
        assertThat(checksum("dir")).isEqualTo(first);
        before = fixture.bytesRead.get();
        assertThat(checksum("dir")).isEqualTo(first);
        assertThat(fixture.bytesRead.get()).isEqualTo(before);
    }

    private static void flipAByte(Path file) throws IOException {
        byte[] saved = Files.readAllBytes(file);
        saved[saved.length / 2] ^= 0x55;
        Files.write(file, saved);
    }

    @Test
    void buildsSavingAtOnceLeaveAWholeCache() throws Exception {
        for (int i = 0; i < 40; i++) {
            fixture.file("many/f" + i, "content " + i);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int build = 0; build < 8; build++) {
                results.add(pool.submit(() -> checksum("many")));
            }
            String first = results.getFirst().get();
            for (java.util.concurrent.Future<String> result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        try (java.util.stream.Stream<Path> left = Files.list(cacheDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".tmp-"));
        }
        long before = fixture.bytesRead.get();
        assertThat(checksum("many")).isNotEmpty();
        assertThat(fixture.bytesRead.get()).isEqualTo(before); // whichever build won, its cache is whole
    }

    @Test
    void aTemporaryContextKeepsNoCacheFile() throws IOException {
        Path owned = Files.createDirectory(temp.resolve("owned"));
        try (BuildContext tmp = BuildContext.temporary(owned, owned, "test", null);
             ContextChecksums sums = ContextChecksums.open(tmp, cacheDir)) {
            Files.writeString(owned.resolve("f"), "data");
            new CopyPlanner(tmp, IgnoreRules.none(), sums).plan(CopyRequest.of("COPY", List.of("f"), "/", "/"));
        }
        assertThat(cacheDir).doesNotExist();
    }

    private static String header(String name, int mode, long size, char type, String link) {
        return "name" + name + "mode" + mode + "uid0gid0" + "size" + size + "typeflag" + type + "linkname" + link
                + "uname" + "gname" + "devmajor0" + "devminor0";
    }

    private static String hash(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
