package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.cli.Verbs;
import picocli.CommandLine;

/** {@code image}: the management command grouping the image verbs, as {@code docker image}. */
public final class ImageCommand {
    private ImageCommand() {}

    /** The group with the verb {@code verb} (null or unknown: every verb, as help lists them). */
    public static CommandLine line(Cli cli, String verb) {
        return new Verbs()
                .add("build", () -> BuildCommand.line(cli))
                .add("ls", () -> ImagesCommand.line(cli), "list")
                .add("inspect", () -> InspectCommand.line(cli, "image"))
                .add("history", () -> HistoryCommand.line(cli))
                .add("tag", () -> TagCommand.line(cli))
                .add("rm", () -> RmiCommand.line(cli), "remove")
                .add("prune", () -> PruneCommand.line(cli))
                .add("import", () -> ImportCommand.line(cli))
                .add("save", () -> SaveCommand.line(cli))
                .add("load", () -> LoadCommand.line(cli))
                .add("pull", () -> PullCommand.line(cli))
                .add("push", () -> PushCommand.line(cli))
                .addTo(Syntax.group("image", "Manage images").line(), verb);
    }
}
