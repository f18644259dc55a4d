package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code run -it} on a real pseudo-terminal (util-linux {@code script}): the container's shell gets a terminal of
 * its own, with the outer terminal's window size at start and after every change, and {@code run} exits with the
 * shell's code.
 */
@Tag("root")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails
class ContainerTerminalTest extends ContainerTestCase {
    Process script;

    @AfterEach
    void stopAndRemove() throws Exception {
        if (script != null && script.isAlive()) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        ContainerTests.removeAllAndCheckNothingIsLeft(strata, dir);
    }

    @Test
    void anInteractiveShellOnATerminalSeesItsSizeAndExitsWithItsCode() throws Exception {
        script = onTerminal("stty rows 33 cols 111", "run", "-it", "--name", "shell", "busybox", "sh");
        Screen screen = new Screen(script.getInputStream());
        OutputStream keyboard = script.getOutputStream();

        screen.await("# ");
        type(keyboard, "echo hi; tty\n");
        // the size is passed on as the shell starts: asked again until it has arrived
        awaitSize(screen, keyboard, "33 111");
        // the window of the outer terminal changes: the container's follows
        Path outerTerminal = terminalOf(strataProcess(script));
        Process resize = new ProcessBuilder("stty", "-F", outerTerminal.toString(), "rows", "40", "cols", "120")
                .redirectErrorStream(true).start();
        assertThat(resize.waitFor()).isZero();
        awaitSize(screen, keyboard, "40 120");
        type(keyboard, "exit 3\n");

        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        keyboard.close();
        assertThat(script.exitValue()).isEqualTo(3);
        String output = screen.text();
        assertThat(output).contains("\r\nhi\r\n").containsPattern("\r\n/dev/pts/\\d+\r\n");
        assertThat(strata.ok("inspect", "-f", "{{.State.ExitCode}} {{.Config.Tty}} {{.Config.OpenStdin}}", "shell").out())
                .isEqualTo("3 true true\n");
    }

    @Test
    void execOnATerminalRunsAShellBesideTheContainersProcess() throws Exception {
        String id = strata.ok("run", "-d", "busybox", "sleep", "100").out().strip();
        script = onTerminal("stty rows 20 cols 70", "exec", "-it", "-w", "/etc", id, "sh");
        Screen screen = new Screen(script.getInputStream());
        OutputStream keyboard = script.getOutputStream();

        screen.await("# ");
        type(keyboard, "pwd; stty size; tty; exit 4\n");

        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        keyboard.close();
        assertThat(script.exitValue()).isEqualTo(4);
        // line ends depend on whether runc had put the outer terminal in raw mode before the typing arrived
        assertThat(screen.text().replace("\r", "")).contains("\n/etc\n20 70\n").containsPattern("\n/dev/pts/\\d+\n");
        assertThat(strata.ok("inspect", "-f", "{{.State.Status}}", id).out()).isEqualTo("running\n");
    }

    /** Asks the container's terminal for its size until it answers {@code rowsCols} (bounded, so a miss fails). */
    private static void awaitSize(Screen screen, OutputStream keyboard, String rowsCols) throws InterruptedException {
        for (int tries = 0; !screen.text().contains("\r\n" + rowsCols + "\r\n"); tries++) {
            assertThat(tries).as("the container never saw the size " + rowsCols + ": " + screen.text()).isLessThan(100);
            type(keyboard, "stty size\n");
            Thread.sleep(200);
        }
    }

    private static void type(OutputStream keyboard, String text) {
        try {
            keyboard.write(text.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The strata CLI as a child process of {@code script}, after {@code setup} has run on that terminal. */
    private Process onTerminal(String setup, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.strata.cli.Main", "--root", strata.root().toString()));
        command.addAll(List.of(args));
        String line = setup + "; exec " + command.stream().map(ContainerTerminalTest::quote).collect(Collectors.joining(" "));
        return new ProcessBuilder("script", "-qec", line, "/dev/null").redirectErrorStream(true).start();
    }

    private static ProcessHandle strataProcess(Process script) throws InterruptedException {
        ProcessHandle[] found = new ProcessHandle[1];
        ContainerTests.eventually("the strata process runs", () -> {
            found[0] = script.descendants().filter(p -> p.info().commandLine().orElse("").contains("dev.strata.cli.Main"))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static Path terminalOf(ProcessHandle process) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/" + process.pid() + "/fd/0"));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Everything the terminal has shown, read as it arrives. */
    private static final class Screen {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Screen(InputStream in) {
            Thread.ofPlatform().daemon().start(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        synchronized (seen) {
                            seen.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the terminal closed
                }
            });
        }

        String text() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        void await(String text) throws InterruptedException {
            try {
                ContainerTests.eventually("the terminal shows " + text.strip(), () -> text().contains(text));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; it shows: " + text(), e);
            }
        }
    }
}
