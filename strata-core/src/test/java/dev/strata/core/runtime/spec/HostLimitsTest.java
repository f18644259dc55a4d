package dev.strata.core.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostLimitsTest {
    @Test
    void readsTheHardOpenFilesLimit() {
        String limits = """
                Limit                     Soft Limit           Hard Limit           Units
                Max processes             96365                96365                processes
                Max open files            1024                 20000                files
                """;
        assertThat(HostLimits.parse(limits)).isEqualTo(new HostLimits(20000));
    }

    @Test
    void unlimitedIsTheLargestValue() {
        assertThat(HostLimits.parse("Max open files            unlimited            unlimited            files\n"))
                .isEqualTo(new HostLimits(Long.MAX_VALUE));
    }

    @Test
    void currentAgreesWithTheShell() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "ulimit -Hn").redirectErrorStream(true).start();
        String hard = new String(shell.getInputStream().readAllBytes()).strip();
        assertThat(shell.waitFor()).isZero();

        long expected = hard.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(hard);
        assertThat(HostLimits.current().openFiles()).isEqualTo(expected);
    }
}
