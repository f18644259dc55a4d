package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.LayerProgressPrinter;
import dev.strata.core.StrataException;
import dev.strata.core.engine.LoadedImage;
import dev.strata.core.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code load}: read images from a docker save / OCI archive (stdin unless -i). */
@Command(addMethodSubcommands = false, name = "load", description = "Load an image from a tar archive or STDIN")
public final class LoadCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-i", "--input"}, description = "Read from tar archive file, instead of STDIN")
    Path input;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the load output")
    boolean quiet;

    public LoadCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException {
        if (input == null && cli.terminal().stdinIsTerminal()) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "requested load from stdin, but stdin is empty");
        }
        ProgressListener progress = quiet || !cli.terminal().stdoutIsTerminal()
                ? ProgressListener.NONE : new LayerProgressPrinter(cli.out());
        List<LoadedImage> loaded;
        try (InputStream in = open()) {
            loaded = cli.engine().load(in, progress);
        }
        for (LoadedImage image : loaded) {
            cli.out().println(image.name() != null ? "Loaded image: " + image.name() : "Loaded image ID: " + image.id());
        }
        return 0;
    }

    private InputStream open() throws IOException {
        if (input == null) {
            return cli.in();
        }
        try {
            return Files.newInputStream(input);
        } catch (NoSuchFileException e) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot load " + input + ": no such file");
        }
    }
}
