package dev.strata.cli.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The strata CLI as a process of its own (a JVM on the test's class path), for what an in-process run cannot
 * show: being killed with SIGKILL, or racing another strata process over file locks. Its output goes to a file.
 */
final class StrataProcess {
    private final Process process;
    private final Path output;
    private final List<String> args;

    private StrataProcess(Process process, Path output, List<String> args) {
        this.process = process;
        this.output = output;
        this.args = args;
    }

    /** Starts {@code strata --root ROOT ARGS...}; stdin is empty, stdout and stderr go to a file in {@code dir}. */
    static StrataProcess start(Path root, Path dir, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.strata.cli.Main",
                "--root", root.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "strata-", ".out");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(output.toFile())
                .redirectErrorStream(true)
                .start();
        return new StrataProcess(process, output, List.of(args));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("strata " + args + " survived SIGKILL");
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    int await() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("strata " + args + " did not end within two minutes: " + output());
        }
        return process.exitValue();
    }

    /** What it printed, both streams. */
    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "strata " + String.join(" ", args);
    }
}
