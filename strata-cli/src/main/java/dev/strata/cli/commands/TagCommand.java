package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tag SOURCE TARGET}: give an image another name. */
@Command(addMethodSubcommands = false, name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")
public final class TagCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", paramLabel = "SOURCE_IMAGE[:TAG]")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET_IMAGE[:TAG]")
    String target;

    public TagCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.engine().tag(source, target);
        return 0;
    }
}
