package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.cli.Verbs;
import java.util.List;
import picocli.CommandLine;

/** {@code container}: the management command grouping the container verbs, as {@code docker container}. */
public final class ContainerCommand {
    /** The verbs that are both {@code container VERB} and a top-level {@code VERB}, as in Docker. */
    public static final List<String> VERBS = List.of("attach", "commit", "cp", "create", "diff", "exec", "export",
            "kill", "logs", "pause", "rename", "restart", "rm", "run", "start", "stop", "top", "unpause", "wait");

    private ContainerCommand() {}

    /** The group with the verb {@code verb} (null or unknown: every verb, as help lists them). */
    public static CommandLine line(Cli cli, String verb) {
        Verbs verbs = new Verbs()
                .add("ls", () -> PsCommand.line(cli), "list", "ps")
                .add("inspect", () -> InspectCommand.line(cli, "container"))
                .add("prune", () -> ContainerPruneCommand.line(cli))
                .add("cleanup", () -> CleanupCommand.line(cli));
        for (String name : VERBS) {
            verbs.add(name, () -> verb(cli, name));
        }
        return verbs.addTo(Syntax.group("container", "Manage containers").line(), verb);
    }

    /** One container verb's command line. */
    public static CommandLine verb(Cli cli, String verb) {
        return switch (verb) {
            case "attach" -> AttachCommand.line(cli);
            case "commit" -> CommitCommand.line(cli);
            case "cp" -> CpCommand.line(cli);
            case "create" -> CreateCommand.line(cli);
            case "diff" -> DiffCommand.line(cli);
            case "exec" -> ExecCommand.line(cli);
            case "export" -> ExportCommand.line(cli);
            case "kill" -> KillCommand.line(cli);
            case "logs" -> LogsCommand.line(cli);
            case "pause" -> PauseCommand.pause(cli);
            case "rename" -> RenameCommand.line(cli);
            case "restart" -> RestartCommand.line(cli);
            case "rm" -> RmCommand.line(cli);
            case "run" -> RunCommand.line(cli);
            case "start" -> StartCommand.line(cli);
            case "stop" -> StopCommand.line(cli);
            case "top" -> TopCommand.line(cli);
            case "unpause" -> PauseCommand.unpause(cli);
            case "wait" -> WaitCommand.line(cli);
            default -> throw new IllegalArgumentException(verb);
        };
    }
}
