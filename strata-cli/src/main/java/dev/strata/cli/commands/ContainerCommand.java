package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code container}: the management command grouping the container verbs, as {@code docker container}. */
@Command(addMethodSubcommands = false, name = "container", description = "Manage containers")
public final class ContainerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine build(Cli cli) {
        CommandLine line = new CommandLine(new ContainerCommand());
        line.addSubcommand("ls", new CommandLine(new PsCommand(cli)), "list", "ps");
        line.addSubcommand("inspect", new CommandLine(new InspectCommand(cli, "container")));
        line.addSubcommand("prune", new CommandLine(new ContainerPruneCommand(cli)));
        line.addSubcommand("cleanup", new CommandLine(new CleanupCommand(cli)));
        for (String verb : VERBS) {
            line.addSubcommand(verb, verb(cli, verb));
        }
        return line;
    }

    /** The verbs that are both {@code container VERB} and a top-level {@code VERB}, as in Docker. */
    public static final java.util.List<String> VERBS = java.util.List.of("attach", "commit", "cp", "create", "diff",
            "exec", "export", "kill", "logs", "pause", "rename", "restart", "rm", "run", "start", "stop", "top",
            "unpause", "wait");

    /** One container verb's command line. */
    public static CommandLine verb(Cli cli, String verb) {
        return switch (verb) {
            case "attach" -> new CommandLine(new AttachCommand(cli));
            case "commit" -> new CommandLine(new CommitCommand(cli));
            case "cp" -> new CommandLine(new CpCommand(cli));
            case "create" -> positionalStops(new CommandLine(new CreateCommand(cli)));
            case "diff" -> new CommandLine(new DiffCommand(cli));
            case "exec" -> positionalStops(new CommandLine(new ExecCommand(cli)));
            case "export" -> new CommandLine(new ExportCommand(cli));
            case "kill" -> new CommandLine(new KillCommand(cli));
            case "logs" -> new CommandLine(new LogsCommand(cli));
            case "pause" -> new CommandLine(new PauseCommand.Pause(cli));
            case "rename" -> new CommandLine(new RenameCommand(cli));
            case "restart" -> new CommandLine(new RestartCommand(cli));
            case "rm" -> new CommandLine(new RmCommand(cli));
            case "run" -> positionalStops(new CommandLine(new RunCommand(cli)));
            case "start" -> new CommandLine(new StartCommand(cli));
            case "stop" -> new CommandLine(new StopCommand(cli));
            case "top" -> positionalStops(new CommandLine(new TopCommand(cli)));
            case "unpause" -> new CommandLine(new PauseCommand.Unpause(cli));
            case "wait" -> new CommandLine(new WaitCommand(cli));
            default -> throw new IllegalArgumentException(verb);
        };
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
