package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SyntaxTest {
    /** What a parse handed to the command. */
    private final List<String> seen = new ArrayList<>();

    private CommandLine commit() {
        return Syntax.of((Runnable) () -> {}, "commit", "Create a new image from a container's changes")
                .negatableBoolean("-p, --pause", "<pause>", "Pause container during commit (default true)",
                        v -> seen.add("pause=" + v))
                .parameter("0", "1", "CONTAINER", v -> seen.add("container=" + v))
                .parameter("1", "0..1", "REPOSITORY[:TAG]", v -> seen.add("repository=" + v))
                .line();
    }

    private CommandLine history() {
        return Syntax.of((Runnable) () -> {}, "history", "Show the history of an image")
                .optionalBoolean("-H, --human", "<human>", "Print sizes and dates in human readable format",
                        v -> seen.add("human=" + v))
                .parameter("0", "1", "IMAGE", v -> seen.add("image=" + v))
                .line();
    }

    private String last(String name) {
        return seen.stream().filter(s -> s.startsWith(name + "=")).reduce((a, b) -> b).orElse(null);
    }

    @Test
    void aNegatableBooleanIsTrueUnlessTurnedOff() {
        commit().parseArgs("c");
        assertThat(last("pause")).isEqualTo("pause=true");

        commit().parseArgs("-p", "c");
        assertThat(last("pause")).isEqualTo("pause=true");

        commit().parseArgs("--pause=false", "c");
        assertThat(last("pause")).isEqualTo("pause=false");

        commit().parseArgs("--no-pause", "c");
        assertThat(last("pause")).isEqualTo("pause=false");
    }

    @Test
    void anOptionalBooleanTakesOnlyABooleanAsItsValue() {
        history().parseArgs("-H", "false", "busybox");
        assertThat(last("human")).isEqualTo("human=false");
        assertThat(last("image")).isEqualTo("image=busybox");

        history().parseArgs("-H", "busybox");
        assertThat(last("human")).isEqualTo("human=true");
        assertThat(last("image")).isEqualTo("image=busybox");
    }

    @Test
    void aParameterThatTakesAValueIsRequired() {
        assertThatThrownBy(() -> commit().parseArgs("-p"))
                .isInstanceOf(CommandLine.MissingParameterException.class)
                .hasMessage("Missing required parameter: 'CONTAINER'");
        commit().parseArgs("c");
        assertThat(last("repository")).isNull();
    }

    @Test
    void helpShowsTheValueAndTheNegatedForm() {
        String usage = commit().getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(usage).contains("-p, --[no-]pause[=<pause>]").contains("--help").contains("[REPOSITORY[:TAG]]");
    }
}
