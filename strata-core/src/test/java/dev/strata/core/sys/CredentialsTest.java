package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    void credentialsMatchTheOwnerOfFilesThisProcessCreates() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");

        assertThat(Credentials.effectiveUid()).isEqualTo(Files.getAttribute(file, "unix:uid"));
        assertThat(Credentials.effectiveGid()).isEqualTo(Files.getAttribute(file, "unix:gid"));
        assertThat(Credentials.isRoot()).isEqualTo(Credentials.effectiveUid() == 0);
    }
}
