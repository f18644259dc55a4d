package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code save}: write images to a tar archive that docker and skopeo load (stdout unless -o). */
public final class SaveCommand implements Callable<Integer> {
    private final Cli cli;
    private Path output;
    private List<String> names;

    private SaveCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        SaveCommand c = new SaveCommand(cli);
        return Syntax.of(c, "save", "Save one or more images to a tar archive (streamed to STDOUT by default)")
                .pathOption("-o, --output", "<output>", "Write to a file, instead of STDOUT", v -> c.output = v)
                .parameters("0..*", "1..*", "IMAGE", v -> c.names = v)
                .line();
    }

    @Override
    public Integer call() throws IOException {
        if (output == null) {
            if (cli.terminal().stdoutIsTerminal()) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "cowardly refusing to save to a terminal. Use the -o flag or redirect");
            }
            cli.engine().save(names, cli.rawOut());
            cli.rawOut().flush();
            return 0;
        }
        Path target = output.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + ".strata-" + ProcessHandle.current().pid());
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                cli.engine().save(names, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return 0;
    }
}
