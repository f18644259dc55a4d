package dev.strata.core.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {
    static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            nobody:x:65534:65534:nobody:/nonexistent:/bin/false
              app:x:1000:1000:App:/home/app:/bin/sh

            homeless:x:1001:1001:::/bin/sh
            shadowed:x:1000:5:second entry for uid 1000:/elsewhere:/bin/sh
            short:x:1002
            """;
    static final String GROUP = """
            root:x:0:
            # a comment that must not become a group
            wheel:x:10:root,app
            audio:x:29:app
            app:x:1000:
            nobody:x:65534:
            """;
    static final UserDatabase DB = UserDatabase.parse(PASSWD, GROUP);

    @TempDir
    Path dir;

    @Test
    void emptyUserIsRootWithRootsSupplementaryGroups() {
        assertThat(UserResolver.resolve("", DB)).isEqualTo(new ExecUser(0, 0, List.of(10), "/root"));
    }

    @Test
    void nameTakesIdsHomeAndMembershipFromTheDatabase() {
        assertThat(UserResolver.resolve("app", DB)).isEqualTo(new ExecUser(1000, 1000, List.of(10, 29), "/home/app"));
    }

    @Test
    void numericUserIsMatchedByUidAndTheFirstEntryWins() {
        assertThat(UserResolver.resolve("1000", DB)).isEqualTo(UserResolver.resolve("app", DB));
    }

    @Test
    void numericUserNeedsNoEntry() {
        assertThat(UserResolver.resolve("4321", DB)).isEqualTo(new ExecUser(4321, 0, List.of(), "/"));
        assertThat(UserResolver.resolve("4321:8765", DB)).isEqualTo(new ExecUser(4321, 8765, List.of(), "/"));
    }

    @Test
    void explicitGroupReplacesTheGidAndDropsSupplementaryGroups() {
        assertThat(UserResolver.resolve("app:audio", DB)).isEqualTo(new ExecUser(1000, 29, List.of(), "/home/app"));
        assertThat(UserResolver.resolve("1000:1000", DB)).isEqualTo(new ExecUser(1000, 1000, List.of(), "/home/app"));
        assertThat(UserResolver.resolve("app:777", DB)).isEqualTo(new ExecUser(1000, 777, List.of(), "/home/app"));
        assertThat(UserResolver.resolve("4321:wheel", DB)).isEqualTo(new ExecUser(4321, 10, List.of(), "/"));
    }

    @Test
    void emptyOrMissingHomeIsRoot() {
        assertThat(UserResolver.resolve("homeless", DB).home()).isEqualTo("/");
        assertThat(UserResolver.resolve("short", DB)).isEqualTo(new ExecUser(1002, 0, List.of(), "/"));
    }

    @Test
    void unknownNameFailsWithDockersMessage() {
        assertThatThrownBy(() -> UserResolver.resolve("ghost", DB))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("unable to find user ghost: no matching entries in passwd file");
        assertThatThrownBy(() -> UserResolver.resolve("app:ghosts", DB))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("unable to find group ghosts: no matching entries in group file");
    }

    @Test
    void commentLinesAreNotGroups() {
        assertThatThrownBy(() -> UserResolver.resolve("app:# a comment that must not become a group", DB))
                .hasMessageContaining("unable to find group");
    }

    @Test
    void idsOutsideTheSignedRangeAreRejected() {
        for (String spec : List.of("-1", "2147483648", "99999999999999999999999", "app:-5")) {
            assertThatThrownBy(() -> UserResolver.resolve(spec, DB)).as(spec)
                    .isInstanceOfSatisfying(StrataException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT))
                    .hasMessageContaining("uids and gids must be in range 0-2147483647");
        }
        assertThat(UserResolver.resolve("2147483647", DB).uid()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void readsTheFilesOfTheRootFilesystem() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), PASSWD);
        Files.writeString(etc.resolve("group"), GROUP);

        assertThat(UserResolver.resolve(dir, "app")).isEqualTo(new ExecUser(1000, 1000, List.of(10, 29), "/home/app"));
    }

    @Test
    void missingFilesAllowNumericIdsOnly() {
        assertThat(UserResolver.resolve(dir, "")).isEqualTo(new ExecUser(0, 0, List.of(), "/"));
        assertThat(UserResolver.resolve(dir, "55:66")).isEqualTo(new ExecUser(55, 66, List.of(), "/"));
        assertThatThrownBy(() -> UserResolver.resolve(dir, "app")).hasMessageContaining("unable to find user app");
    }

    @Test
    void symbolicLinksAreFollowedInsideTheRootFilesystemOnly() throws Exception {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.createDirectories(rootfs.resolve("lib"));
        Files.writeString(rootfs.resolve("lib/passwd"), "inside:x:7:7::/in:/bin/sh\n");
        // the same name outside the root filesystem, which an escaping link would reach
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/passwd"), "outside:x:8:8::/out:/bin/sh\n");
        Files.createSymbolicLink(etc.resolve("passwd"), Path.of("/../../../lib/passwd"));

        assertThat(UserResolver.resolve(rootfs, "inside")).isEqualTo(new ExecUser(7, 7, List.of(), "/in"));
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "outside")).hasMessageContaining("unable to find user");

        Files.createSymbolicLink(etc.resolve("group"), Path.of("../etc/group")); // a loop
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "inside"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT))
                .hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void aDirectoryInPlaceOfTheFileCountsAsMissing() throws Exception {
        Files.createDirectories(dir.resolve("etc/passwd"));

        assertThat(UserResolver.resolve(dir, "12")).isEqualTo(new ExecUser(12, 0, List.of(), "/"));
    }
}
