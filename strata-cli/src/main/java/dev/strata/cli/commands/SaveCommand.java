package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.core.StrataException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code save}: write images to a tar archive that docker and skopeo load (stdout unless -o). */
@Command(addMethodSubcommands = false, name = "save", description = "Save one or more images to a tar archive (streamed to STDOUT by default)")
public final class SaveCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-o", "--output"}, description = "Write to a file, instead of STDOUT")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> names;

    public SaveCommand(Cli cli) {
        this.cli = cli;
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
