package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code tag SOURCE TARGET}: give an image another name. */
public final class TagCommand implements Callable<Integer> {
    private final Cli cli;
    private String source;
    private String target;

    private TagCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        TagCommand c = new TagCommand(cli);
        return Syntax.of(c, "tag", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")
                .parameter("0", "1", "SOURCE_IMAGE[:TAG]", v -> c.source = v)
                .parameter("1", "1", "TARGET_IMAGE[:TAG]", v -> c.target = v)
                .line();
    }

    @Override
    public Integer call() {
        cli.engine().tag(source, target);
        return 0;
    }
}
