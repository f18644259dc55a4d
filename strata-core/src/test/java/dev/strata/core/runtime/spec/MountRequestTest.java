package dev.strata.core.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountRequestTest {
    @Test
    void bindIsRecursiveWithPrivatePropagation() {
        assertThat(MountRequest.bind(Path.of("/srv/data"), "/data", true))
                .isEqualTo(new MountRequest("/data", "bind", "/srv/data", List.of("rbind", "ro", "rprivate")));
        assertThat(MountRequest.bind(Path.of("/srv/data"), "/data", false).options())
                .containsExactly("rbind", "rw", "rprivate");
    }

    @Test
    void tmpfsGetsDockersDefaultsBeforeTheUsersOptions() {
        assertThat(MountRequest.tmpfs("/run", "size=64m,mode=1777"))
                .isEqualTo(new MountRequest("/run", "tmpfs", "tmpfs",
                        List.of("noexec", "nosuid", "nodev", "rprivate", "size=64m", "mode=1777")));
        assertThat(MountRequest.tmpfs("/run", "").options()).containsExactly("noexec", "nosuid", "nodev", "rprivate");
    }

    @Test
    void laterTmpfsOptionsOfTheSameKindWin() {
        assertThat(MountRequest.tmpfs("/run", "exec,size=1m,ro,size=2m,shared").options())
                .containsExactly("nosuid", "nodev", "exec", "ro", "size=2m", "shared");
    }

    @Test
    void unknownTmpfsOptionsAreRejected() {
        for (String options : List.of("bogus", "color=red", "size=1m,")) {
            assertThatThrownBy(() -> MountRequest.tmpfs("/run", options)).as(options)
                    .isInstanceOfSatisfying(StrataException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT))
                    .hasMessageStartingWith("cannot mount a tmpfs at /run: invalid tmpfs option");
        }
    }

    @Test
    void destinationIsCleanedAndMustBeAbsolute() {
        assertThat(MountRequest.tmpfs("//var/./cache/../run/", "").destination()).isEqualTo("/var/run");
        assertThatThrownBy(() -> MountRequest.bind(Path.of("/x"), "data", false))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT))
                .hasMessageContaining("must be an absolute path");
    }
}
