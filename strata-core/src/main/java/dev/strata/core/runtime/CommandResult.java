package dev.strata.core.runtime;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What one run of a short-lived helper command gave: its exit code and what it wrote. */
record CommandResult(int exitCode, String stdout, String stderr) {
    private static final File DEV_NULL = new File("/dev/null");

    /**
     * Runs {@code command} to its end with stdin on {@code /dev/null}. The command must not leave a process
     * behind holding its stdout or stderr, or this waits for that process too.
     */
    static CommandResult run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectInput(Redirect.from(DEV_NULL)).start();
        // stderr read alongside stdout: a full pipe on either side would otherwise stall the command
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()),
                runnable -> Thread.ofVirtual().start(runnable));
        String stdout = readAll(process.getInputStream());
        try {
            int exitCode = process.waitFor();
            return new CommandResult(exitCode, stdout, stderr.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.getFirst(), e);
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
