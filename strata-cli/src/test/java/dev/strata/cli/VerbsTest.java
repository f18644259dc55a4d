package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerbsTest {
    private final List<String> built = new ArrayList<>();

    @Test
    void aNamedVerbIsTheOnlyOneBuilt() {
        CommandLine group = verbs().addTo(Syntax.group("volume", "Manage volumes").line(), "ls");

        assertThat(built).containsExactly("ls");
        assertThat(group.getSubcommands()).containsOnlyKeys("ls", "list");
    }

    @Test
    void anAliasBuildsItsVerb() {
        verbs().addTo(Syntax.group("volume", "Manage volumes").line(), "remove");

        assertThat(built).containsExactly("rm");
    }

    @Test
    void everyVerbIsBuiltWhenNoneIsNamed() {
        CommandLine group = verbs().addTo(Syntax.group("volume", "Manage volumes").line(), null);

        assertThat(built).containsExactly("create", "ls", "rm");
        assertThat(group.getSubcommands()).containsOnlyKeys("create", "ls", "list", "rm", "remove");
    }

    @Test
    void everyVerbIsBuiltForAWordThatIsNoVerb() {
        // picocli then reports the unmatched word against the whole group, as before
        verbs().addTo(Syntax.group("volume", "Manage volumes").line(), "lss");

        assertThat(built).containsExactly("create", "ls", "rm");
    }

    @Test
    void wordsSkipTheGlobalRootOption() {
        String[] args = {"--root", "/r", "image", "--root=/s", "ls", "-q"};

        assertThat(Verbs.word(args, 0)).isEqualTo("image");
        assertThat(Verbs.word(args, 1)).isEqualTo("ls");
        assertThat(Verbs.word(args, 2)).isNull();
    }

    @Test
    void anotherOptionBeforeTheWordLeavesItUnknown() {
        assertThat(Verbs.word(new String[] {"--help", "images"}, 0)).isNull();
        assertThat(Verbs.word(new String[] {"image", "--help", "ls"}, 1)).isNull();
        assertThat(Verbs.word(new String[] {"--root"}, 0)).isNull();
    }

    private Verbs verbs() {
        return new Verbs()
                .add("create", () -> verb("create"))
                .add("ls", () -> verb("ls"), "list")
                .add("rm", () -> verb("rm"), "remove");
    }

    private CommandLine verb(String name) {
        built.add(name);
        return Syntax.of((Runnable) () -> {}, name, "the " + name + " verb").line();
    }
}
