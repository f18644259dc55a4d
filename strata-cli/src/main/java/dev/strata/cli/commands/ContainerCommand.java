package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code container}: the management command grouping the container verbs, as {@code docker container}. */
@Command(name = "container", description = "Manage containers")
public final class ContainerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine build(Cli cli) {
        CommandLine line = new CommandLine(new ContainerCommand());
        line.addSubcommand("ls", new CommandLine(new PsCommand(cli)), "list", "ps");
        line.addSubcommand("create", positionalStops(new CommandLine(new CreateCommand(cli))));
        line.addSubcommand("commit", new CommandLine(new CommitCommand(cli)));
        line.addSubcommand("rename", new CommandLine(new RenameCommand(cli)));
        line.addSubcommand("inspect", new CommandLine(new InspectCommand(cli, "container")));
        return line;
    }

    /** Options after the image belong to the container's command, as in {@code run IMAGE ls -l}. */
    public static CommandLine positionalStops(CommandLine line) {
        line.setStopAtPositional(true);
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
