package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.LayerProgressPrinter;
import dev.strata.cli.Syntax;
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
import picocli.CommandLine;

/** {@code load}: read images from a docker save / OCI archive (stdin unless -i). */
public final class LoadCommand implements Callable<Integer> {
    private final Cli cli;
    private Path input;
    private boolean quiet;

    private LoadCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        LoadCommand c = new LoadCommand(cli);
        return Syntax.of(c, "load", "Load an image from a tar archive or STDIN")
                .pathOption("-i, --input", "<input>", "Read from tar archive file, instead of STDIN", v -> c.input = v)
                .flag("-q, --quiet", "Suppress the load output", v -> c.quiet = v)
                .line();
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
