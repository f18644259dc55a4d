package dev.strata.core.runtime.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import org.junit.jupiter.api.Test;

class ContainerPathTest {
    @Test
    void pathsAreTakenFromTheRootAndCleaned() {
        assertThat(ContainerPath.parse("etc//passwd").clean()).isEqualTo("/etc/passwd");
        assertThat(ContainerPath.parse("/a/./b/../c").clean()).isEqualTo("/a/c");
        assertThat(ContainerPath.parse("../../etc").clean()).isEqualTo("/etc");
        assertThat(ContainerPath.parse("/").isRoot()).isTrue();
    }

    @Test
    void theSpellingKeepsWhatItAsserts() {
        ContainerPath slash = ContainerPath.parse("/etc/");
        assertThat(slash.trailingSlash()).isTrue();
        assertThat(slash.currentDir()).isFalse();
        assertThat(slash.displayName()).isEqualTo("etc");

        ContainerPath dot = ContainerPath.parse("/etc/.");
        assertThat(dot.currentDir()).isTrue();
        assertThat(dot.clean()).isEqualTo("/etc");
        assertThat(dot.displayName()).isEqualTo(".");
        assertThat(dot.toString()).isEqualTo("/etc/.");

        assertThat(ContainerPath.parse("").currentDir()).isTrue(); // "CTR:" is the root's contents
        assertThat(ContainerPath.parse("/etc").assertsDirectory()).isFalse();
        assertThat(ContainerPath.parse("/etc/..").currentDir()).isFalse();
    }

    @Test
    void parentBaseAndChild() {
        ContainerPath path = ContainerPath.parse("/usr/bin/env");
        assertThat(path.parent().clean()).isEqualTo("/usr/bin");
        assertThat(path.base()).isEqualTo("env");
        assertThat(path.relative()).isEqualTo("usr/bin/env");
        assertThat(ContainerPath.parse("/env").parent().isRoot()).isTrue();
        assertThat(ContainerPath.parse("/").child("x").clean()).isEqualTo("/x");
        assertThat(ContainerPath.parse("/").displayName()).isEqualTo("/");
    }

    @Test
    void aNulIsRefused() {
        assertThatThrownBy(() -> ContainerPath.parse("/etc\0passwd"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT));
    }

    @Test
    void entryNamesStayBelowTheDestination() {
        assertThat(EntryNames.inside("./a/b/", "entry")).isEqualTo("a/b");
        assertThat(EntryNames.inside("/abs/x", "entry")).isEqualTo("abs/x");
        assertThat(EntryNames.inside("a/../b", "entry")).isEqualTo("b");
        assertThat(EntryNames.inside("./", "entry")).isEmpty();
        assertThatThrownBy(() -> EntryNames.inside("a/../../x", "entry"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT))
                .hasMessageContaining("points outside the destination directory");
    }
}
