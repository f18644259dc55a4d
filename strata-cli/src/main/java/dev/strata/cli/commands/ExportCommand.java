package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import dev.strata.core.container.HostSettings;
import dev.strata.core.runtime.rootfs.ContainerArchive;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code export}: a container's whole filesystem as a tar (volumes and binds left out), to a file or stdout. */
public final class ExportCommand implements Callable<Integer> {
    private final Cli cli;
    private Path output;
    private String container;

    private ExportCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        ExportCommand c = new ExportCommand(cli);
        return Syntax.of(c, "export", "Export a container's filesystem as a tar archive")
                .pathOption("-o, --output", "<output>", "Write to a file, instead of STDOUT", v -> c.output = v)
                .parameter("0", "1", "CONTAINER", v -> c.container = v)
                .line();
    }

    @Override
    public Integer call() throws IOException {
        if (output == null && cli.terminal().stdoutIsTerminal()) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "cowardly refusing to save to a terminal. Use the -o flag or redirect");
        }
        var containers = cli.engine().containers();
        List<String> mountPoints = containers.find(container).record().host().mounts().stream()
                .map(HostSettings.ContainerMount::destination).toList();
        try (OutputStream out = output == null ? null : Files.newOutputStream(output)) {
            OutputStream target = out == null ? cli.rawOut() : out;
            containers.withRootfs(container, root -> {
                try {
                    new ContainerArchive().exportTar(root, target, mountPoints);
                    target.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        }
        return 0;
    }
}
