package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("state.json");
        AtomicFiles.write(target, "one".getBytes());
        AtomicFiles.write(target, "two".getBytes());

        assertThat(target).hasContent("two");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void siblingsAreNewOwnerOnlyFilesWithDistinctNamesBesideTheTarget() throws Exception {
        Path target = dir.resolve("index.json");
        Set<Path> made = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Path temp = AtomicFiles.createSibling(target);
            assertThat(temp.getParent()).isEqualTo(dir);
            assertThat(temp.getFileName().toString()).startsWith(AtomicFiles.TEMPORARY_PREFIX);
            assertThat(temp).isEmptyFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp))).isEqualTo("rw-------");
            made.add(temp);
        }
        assertThat(made).hasSize(200);
    }

    @Test
    void aRelativeTargetGetsItsSiblingInTheWorkingDirectory() throws Exception {
        Path temp = AtomicFiles.createSibling(Path.of("relative-target"));
        try {
            assertThat(temp.getParent()).isEqualTo(Path.of("").toAbsolutePath());
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
