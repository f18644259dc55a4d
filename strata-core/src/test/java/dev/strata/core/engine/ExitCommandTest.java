package dev.strata.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCommandTest {
    @TempDir
    Path dir;

    private Process waiter;
    private Process exitCommand;

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : new Process[] {waiter, exitCommand}) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void returnsAtOnceSoThatTheMonitorEndsEvenWhileTheWaiterWaits() throws Exception {
        Path waiterFile = Files.writeString(dir.resolve("waiter.pid"), "x");
        waiter = new ProcessBuilder("sleep", "60").start();
        exitCommand = start(waiterFile, waiter.pid());

        // conmon waits for its exit command: had it written no exit code (a full disk), a command that waited for
        // the waiter would wait for a process that waits for conmon
        assertThat(exitCommand.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(exitCommand.exitValue()).isZero();
    }

    @Test
    void leavesTheCleanUpToAWaiterThatFinishes() throws Exception {
        Path waiterFile = Files.writeString(dir.resolve("waiter.pid"), "x");
        waiter = new ProcessBuilder("sleep", "60").start();
        exitCommand = start(waiterFile, waiter.pid());

        Thread.sleep(300);
        Files.delete(waiterFile); // the waiter has cleaned up
        waiter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        Thread.sleep(500); // the loop has seen both by now (it looks every 50 ms)
        assertThat(dir.resolve("cleaned")).doesNotExist();
    }

    @Test
    void cleansUpWhenTheWaiterDiesFirst() throws Exception {
        Path waiterFile = Files.writeString(dir.resolve("waiter.pid"), "x");
        waiter = new ProcessBuilder("sleep", "60").start();
        exitCommand = start(waiterFile, waiter.pid());

        Thread.sleep(300);
        assertThat(dir.resolve("cleaned")).as("not while the waiter is alive").doesNotExist();
        waiter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        awaitCleaned();
        assertThat(dir.resolve("cleaned")).hasContent("container-id");
    }

    /** The clean-up runs in the background, after the command returned: its file appears within a few seconds. */
    private void awaitCleaned() throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(dir.resolve("cleaned")); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(100); // written, not only created
    }

    @Test
    void cleansUpAtOnceWhenTheWaiterIsAlreadyGone() throws Exception {
        Path waiterFile = Files.writeString(dir.resolve("waiter.pid"), "x");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        exitCommand = start(waiterFile, gone.pid());

        assertThat(exitCommand.waitFor(10, TimeUnit.SECONDS)).isTrue();
        awaitCleaned();
        assertThat(dir.resolve("cleaned")).hasContent("container-id");
    }

    @Test
    void noCommandStaysNoCommand() {
        assertThat(ExitCommand.unlessWaiterCleansUp(dir.resolve("w"), 1, List.of())).isEmpty();
    }

    /** The wrapped clean-up writes the container ID it was given to a file, with spaces in its arguments kept. */
    private Process start(Path waiterFile, long pid) throws IOException {
        List<String> cleanup = List.of("/bin/sh", "-c", "printf %s \"$1\" > \"$0\"", dir.resolve("cleaned").toString(),
                "container-id");
        List<String> command = ExitCommand.unlessWaiterCleansUp(waiterFile, pid, cleanup);
        assertThat(command.getFirst()).startsWith("/");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
