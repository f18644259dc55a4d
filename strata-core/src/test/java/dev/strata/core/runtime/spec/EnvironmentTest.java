package dev.strata.core.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    static final String PATH = "PATH=" + Environment.DEFAULT_PATH;

    @Test
    void dockersVariablesComeFirstAndHomeLast() {
        assertThat(Environment.compose("c0ffee", false, List.of("A=1", "B=2"), "/root"))
                .containsExactly(PATH, "HOSTNAME=c0ffee", "A=1", "B=2", "HOME=/root");
    }

    @Test
    void terminalAddsTerm() {
        assertThat(Environment.compose("h", true, List.of(), "/"))
                .containsExactly(PATH, "HOSTNAME=h", "TERM=xterm", "HOME=/");
    }

    @Test
    void imageAndRunVariablesReplaceOursInPlace() {
        assertThat(Environment.compose("h", true, List.of("TERM=dumb", "PATH=/bin", "HOME=/data", "HOSTNAME=x"), "/root"))
                .containsExactly("PATH=/bin", "HOSTNAME=x", "TERM=dumb", "HOME=/data");
    }

    @Test
    void laterDuplicatesReplaceEarlierOnes() {
        assertThat(Environment.compose("h", false, List.of("A=1", "B=2", "A=3"), "/"))
                .containsExactly(PATH, "HOSTNAME=h", "A=3", "B=2", "HOME=/");
    }

    @Test
    void noHostnameForAnExecProcess() {
        assertThat(Environment.compose(null, false, List.of("A=1"), "/home/app"))
                .containsExactly(PATH, "A=1", "HOME=/home/app");
    }
}
