package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessesTest {
    @Test
    void killDeliversTheSignalGiven() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Processes.kill((int) sleeper.pid(), Signals.SIGTERM);

            assertThat(sleeper.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sleeper.exitValue()).isEqualTo(128 + Signals.SIGTERM);
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void killingNoProcessFailsWithEsrch() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();

        assertThatThrownBy(() -> Processes.kill((int) done.pid(), 0))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.ESRCH));
        assertThatThrownBy(() -> Processes.kill(-1, Signals.SIGKILL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZombieHasEndedThoughItsProcessEntryRemains() throws Exception {
        // sh forks `true`, then becomes sleep, which never reaps the child it did not know it had
        Process parent = new ProcessBuilder("sh", "-c", "true & exec sleep 60").start();
        try {
            Path children = Path.of("/proc", Long.toString(parent.pid()), "task", Long.toString(parent.pid()), "children");
            int zombie = awaitZombieChild(children);

            assertThat(Processes.stat(zombie)).hasValueSatisfying(stat -> {
                assertThat(stat.state()).isEqualTo('Z');
                assertThat(stat.parentPid()).isEqualTo((int) parent.pid());
            });
            assertThat(Processes.isRunning(zombie)).isFalse();
            assertThat(Processes.isRunning((int) parent.pid())).isTrue();
        } finally {
            parent.destroyForcibly();
            parent.waitFor();
        }
    }

    @Test
    void describesThisProcess() {
        int self = (int) ProcessHandle.current().pid();

        assertThat(Processes.stat(self)).hasValueSatisfying(stat -> {
            assertThat(stat.parentPid()).isEqualTo((int) ProcessHandle.current().parent().orElseThrow().pid());
            assertThat(stat.startTicks()).isPositive();
        });
        assertThat(Processes.stat(0)).isEmpty();
    }

    private static int awaitZombieChild(Path children) throws Exception {
        for (int attempt = 0; attempt < 3000; attempt++) {
            String text = Files.exists(children) ? Files.readString(children).strip() : "";
            if (!text.isEmpty()) {
                int child = Integer.parseInt(text.split(" ")[0]);
                if (Processes.stat(child).map(s -> s.state() == 'Z').orElse(false)) {
                    return child;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no zombie appeared under " + children);
    }
}
