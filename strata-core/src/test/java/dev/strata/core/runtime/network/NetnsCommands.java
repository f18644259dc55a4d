package dev.strata.core.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs host programs inside a network namespace file with util-linux {@code nsenter}, for tests. */
final class NetnsCommands {
    static final String BUSYBOX = "/bin/busybox";

    private NetnsCommands() {}

    /** Runs {@code command} in {@code netns} to completion and returns its output; fails the test on non-zero. */
    static String run(Path netns, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(nsenter(netns, command)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        assertThat(process.exitValue()).as("exit status of %s: %s", List.of(command), output).isZero();
        return output;
    }

    /** Starts {@code command} in {@code netns} in the background; the caller stops it by its Process. */
    static Process start(Path netns, String... command) throws IOException {
        return new ProcessBuilder(nsenter(netns, command))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    static List<String> nsenter(Path netns, String... command) {
        List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + netns));
        full.addAll(List.of(command));
        return full;
    }

    /** Kills a helper this test started, by its own handle, and waits for it. */
    static void kill(Process process) throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
