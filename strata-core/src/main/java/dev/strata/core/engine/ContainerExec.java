package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.container.Container;
import dev.strata.core.container.RunConfig;
import dev.strata.core.container.RunConfigs;
import dev.strata.core.runtime.Stdio;
import dev.strata.core.runtime.spec.ProcessRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code exec}: one more process in a running container, with the container's environment, user and working
 * directory unless the options say otherwise, described to runc as a runtime-spec process.
 */
final class ContainerExec {
    private final ContainerRuntime rt;

    ContainerExec(ContainerRuntime rt) {
        this.rt = rt;
    }

    Process exec(Container c, ExecOptions options, Stdio stdio) {
        Path process = processFile(c, options);
        try {
            return rt.runc.exec(c.id(), process, stdio);
        } finally {
            deleteLater(process);
        }
    }

    int execDetached(Container c, ExecOptions options) {
        Path process = processFile(c, options);
        try {
            return rt.runc.execDetached(c.id(), process);
        } finally {
            deleteLater(process);
        }
    }

    private Path processFile(Container c, ExecOptions options) {
        if (options.command().isEmpty()) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "exec requires at least 1 argument");
        }
        RunConfig config = c.record().config();
        ProcessRequest request = new ProcessRequest(options.command(), RunConfigs.mergeEnvironment(config.env(), options.env()),
                nonEmpty(options.workingDir(), config.workingDir()), nonEmpty(options.user(), config.user()), options.tty());
        byte[] json = rt.specs().processJson(c.paths().merged(), config.hostname(), request);
        try {
            Path file = Files.createTempFile(c.paths().dir(), "exec-", ".json");
            Files.write(file, json);
            return file;
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot exec in " + c.name() + ": " + e.getMessage(), e);
        }
    }

    /** runc reads the file when it starts; it is not needed once runc has the process running. */
    private static void deleteLater(Path file) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(5_000);
                Files.deleteIfExists(file);
            } catch (IOException | InterruptedException e) {
                // a stale process file is harmless; rm removes the directory
            }
        });
    }

    private static String nonEmpty(String preferred, String fallback) {
        return preferred != null && !preferred.isEmpty() ? preferred : fallback == null ? "" : fallback;
    }
}
