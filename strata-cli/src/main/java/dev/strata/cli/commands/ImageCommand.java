package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code image}: the management command grouping the image verbs, as {@code docker image}. */
@Command(addMethodSubcommands = false, name = "image", description = "Manage images")
public final class ImageCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine build(Cli cli) {
        CommandLine line = new CommandLine(new ImageCommand());
        line.addSubcommand("ls", ImagesCommand.line(cli), "list");
        line.addSubcommand("inspect", new CommandLine(new InspectCommand(cli, "image")));
        line.addSubcommand("history", new CommandLine(new HistoryCommand(cli)));
        line.addSubcommand("tag", new CommandLine(new TagCommand(cli)));
        line.addSubcommand("rm", new CommandLine(new RmiCommand(cli)), "remove");
        line.addSubcommand("prune", new CommandLine(new PruneCommand(cli)));
        line.addSubcommand("import", new CommandLine(new ImportCommand(cli)));
        line.addSubcommand("save", new CommandLine(new SaveCommand(cli)));
        line.addSubcommand("load", new CommandLine(new LoadCommand(cli)));
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
