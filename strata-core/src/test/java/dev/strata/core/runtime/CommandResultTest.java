package dev.strata.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandResultTest {
    @Test
    void theExitCodeAndBothOutputsArriveApart() throws IOException {
        CommandResult result = CommandResult.run(List.of("/bin/sh", "-c", "echo out; echo err >&2; cat; exit 4"));
        assertThat(result).isEqualTo(new CommandResult(4, "out\n", "err\n"));
    }

    @Test
    void aLargeOutputOnBothSidesDoesNotStallTheCommand() throws IOException {
        CommandResult result = CommandResult.run(List.of("/bin/sh", "-c",
                "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).hasSize(1048576).matches("o+");
        assertThat(result.stderr()).hasSize(1048576).matches("e+");
    }

    @Test
    void aMissingProgramIsAnIOExceptionNamingIt() {
        assertThatThrownBy(() -> CommandResult.run(List.of("/no/such/runc", "state")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/no/such/runc");
    }
}
