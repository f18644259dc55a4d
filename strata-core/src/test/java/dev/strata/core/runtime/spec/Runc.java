package dev.strata.core.runtime.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs bundles with the real runc for tests, with a state directory of its own; every container it starts is
 * deleted (forcibly) before the call that started it returns, or at {@link #close()} for detached ones.
 */
final class Runc implements AutoCloseable {
    /** What a container printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }
    }

    private final Path state;
    private final Path scratch;
    private final List<String> detached = new ArrayList<>();

    Runc(Path dir) throws IOException {
        this.state = Files.createDirectories(dir.resolve("runc-state"));
        this.scratch = Files.createDirectories(dir.resolve("runc-output"));
    }

    /** Runs the bundle in the foreground with stdin from /dev/null. */
    Result run(Path bundle) throws Exception {
        String id = newId();
        try {
            return exec(List.of("runc", "--root", state.toString(), "run", "--bundle", bundle.toString(), id));
        } finally {
            delete(id);
        }
    }

    /** Runs the bundle behind a pseudo-terminal (util-linux {@code script}), for {@code process.terminal}. */
    Result runWithTerminal(Path bundle) throws Exception {
        String id = newId();
        try {
            String command = "runc --root " + state + " run --bundle " + bundle + " " + id;
            Result raw = exec(List.of("script", "-qec", command, "/dev/null"));
            // the terminal turns \n into \r\n, and echoes a NUL that runc writes to it as ^@
            return new Result(raw.exitCode(), raw.stdout().replace("\r", "").replace("^@", "").replace("\0", ""),
                    raw.stderr());
        } finally {
            delete(id);
        }
    }

    /** Starts the bundle detached and returns its ID; it is deleted at {@link #close()}. */
    String start(Path bundle) throws Exception {
        String id = newId();
        detached.add(id);
        Result r = exec(List.of("runc", "--root", state.toString(), "run", "--detach", "--bundle", bundle.toString(), id));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("runc run --detach failed: " + r.stderr());
        }
        return id;
    }

    /** {@code runc exec --process FILE ID}. */
    Result exec(String id, Path processJson) throws Exception {
        return exec(List.of("runc", "--root", state.toString(), "exec", "--process", processJson.toString(), id));
    }

    private Result exec(List<String> command) throws Exception {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("gave up waiting for " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private void delete(String id) throws Exception {
        exec(List.of("runc", "--root", state.toString(), "delete", "--force", id));
    }

    private static String newId() {
        return "strata-spec-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Override
    public void close() throws Exception {
        for (String id : detached) {
            delete(id);
        }
    }
}
