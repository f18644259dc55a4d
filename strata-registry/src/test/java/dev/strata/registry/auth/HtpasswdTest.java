package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtpasswdTest {
    @TempDir
    Path dir;

    @Test
    void acceptsTheRightPasswordOfAnHtpasswdBEntryAndRefusesWrongOnesAndUnknownUsers() {
        Path file = dir.resolve("htpasswd");
        Fixtures.htpasswd(file, "alice", "s3cret");
        Fixtures.htpasswd(file, "bob", "hunter2");
        var htpasswd = new Htpasswd(file);

        assertThat(htpasswd.authenticate("alice", "s3cret")).isTrue();
        assertThat(htpasswd.authenticate("alice", "s3cret")).as("remembered").isTrue();
        assertThat(htpasswd.authenticate("alice", "hunter2")).isFalse();
        assertThat(htpasswd.authenticate("bob", "hunter2")).isTrue();
        assertThat(htpasswd.authenticate("carol", "s3cret")).isFalse();
        assertThat(htpasswd.authenticate("alice", "")).isFalse();
    }

    @Test
    void ignoresNonBcryptEntriesCommentsAndTheReservedAnonymousAccount() throws Exception {
        Path file = dir.resolve("htpasswd");
        Fixtures.htpasswd(file, "anonymous", "x");
        Fixtures.run(java.util.List.of("htpasswd", "-b", "-m", file.toString(), "md5user", "pw"));
        Fixtures.run(java.util.List.of("htpasswd", "-b", "-s", file.toString(), "shauser", "pw"));
        Files.writeString(file, "# a comment\nplain:pw\n", java.nio.file.StandardOpenOption.APPEND);
        var htpasswd = new Htpasswd(file);

        assertThat(htpasswd.authenticate("anonymous", "x")).isFalse();
        assertThat(htpasswd.authenticate("md5user", "pw")).isFalse();
        assertThat(htpasswd.authenticate("shauser", "pw")).isFalse();
        assertThat(htpasswd.authenticate("plain", "pw")).isFalse();
        assertThat(htpasswd.entryFingerprint("anonymous")).isEmpty();
    }

    @Test
    void readsTheFileAgainWhenItChanges() throws Exception {
        Path file = dir.resolve("htpasswd");
        Fixtures.htpasswd(file, "alice", "old");
        var htpasswd = new Htpasswd(file);
        assertThat(htpasswd.authenticate("alice", "old")).isTrue();
        String before = htpasswd.entryFingerprint("alice").orElseThrow();

        Fixtures.htpasswd(file, "alice", "new");
        Fixtures.htpasswd(file, "dave", "pw");
        // the same second as the first write on coarse filesystems: make the change visible by time too
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(htpasswd.authenticate("alice", "old")).as("a remembered password is forgotten").isFalse();
        assertThat(htpasswd.authenticate("alice", "new")).isTrue();
        assertThat(htpasswd.authenticate("dave", "pw")).isTrue();
        assertThat(htpasswd.entryFingerprint("alice")).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void keepsTheLastGoodReadingWhenTheFileVanishes() throws Exception {
        Path file = dir.resolve("htpasswd");
        Fixtures.htpasswd(file, "alice", "pw");
        var htpasswd = new Htpasswd(file);
        Files.delete(file);

        assertThat(htpasswd.authenticate("alice", "pw")).isTrue();
    }

    @Test
    void aMissingFileIsAConfigurationErrorThatSaysHowToMakeOne() {
        assertThatThrownBy(() -> new Htpasswd(dir.resolve("nope")))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("cannot read htpasswd file")
                .hasMessageContaining("htpasswd -cB");
    }
}
