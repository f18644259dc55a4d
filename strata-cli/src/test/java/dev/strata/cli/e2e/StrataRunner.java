package dev.strata.cli.e2e;

import dev.strata.cli.Main;
import dev.strata.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the strata CLI in-process against one store root, capturing what it prints. */
final class StrataRunner {
    private final Path root;
    private final Map<String, String> env;
    private final List<String> globalArgs;

    StrataRunner(Path root) {
        this(root, Map.of(), List.of());
    }

    private StrataRunner(Path root, Map<String, String> env, List<String> globalArgs) {
        this.root = root;
        this.env = Map.copyOf(env);
        this.globalArgs = List.copyOf(globalArgs);
    }

    /** The same store with these variables as the caller's environment (what {@code run -e NAME} reads). */
    StrataRunner withEnv(Map<String, String> env) {
        return new StrataRunner(root, env, globalArgs);
    }

    /** The same store with these global options before every verb ({@code --storage-driver vfs}). */
    StrataRunner withArgs(String... args) {
        return new StrataRunner(root, env, List.of(args));
    }

    Path root() {
        return root;
    }

    /** The outcome of one command. */
    record Result(int exitCode, String out, String err, byte[] rawOut) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    Result runWithInput(byte[] stdin, String... args) {
        return runWith(new ByteArrayInputStream(stdin), args);
    }

    Result runWith(InputStream stdin, String... args) {
        return runWatched(stdin, OutputStream.nullOutputStream(), args);
    }

    /** Runs with {@code watch} getting a copy of standard output as it is written, for commands that block. */
    Result runWatched(InputStream stdin, OutputStream watch, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                try {
                    watch.write(b, off, len);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public synchronized void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--root", root.toString()));
        all.addAll(globalArgs);
        all.addAll(List.of(args));
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Main.run(all.toArray(String[]::new), stdin, outStream, outStream,
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Terminal.of(false, false));
        outStream.flush();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    /** Runs and insists on success. */
    Result ok(String... args) {
        Result r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("strata " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.err());
        }
        return r;
    }
}
