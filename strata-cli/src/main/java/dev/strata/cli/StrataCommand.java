package dev.strata.cli;

import dev.strata.cli.commands.ContainerCommand;
import dev.strata.cli.commands.HistoryCommand;
import dev.strata.cli.commands.ImageCommand;
import dev.strata.cli.commands.ImagesCommand;
import dev.strata.cli.commands.ImportCommand;
import dev.strata.cli.commands.InspectCommand;
import dev.strata.cli.commands.LoadCommand;
import dev.strata.cli.commands.PsCommand;
import dev.strata.cli.commands.RmiCommand;
import dev.strata.cli.commands.SaveCommand;
import dev.strata.cli.commands.SystemCommand;
import dev.strata.cli.commands.TagCommand;
import dev.strata.cli.commands.VolumeCommand;
import picocli.CommandLine.Model.OptionSpec;

/** The root command: global options and the list of verbs. */
public final class StrataCommand {
    private StrataCommand() {}

    /**
     * The command line with the verbs registered: only the verb being run (and, for a group, only its verb being
     * run), unless help is asked for or no verb is recognised.
     */
    static picocli.CommandLine commandLine(Cli cli, String[] args) {
        Syntax root = Syntax.group("strata", "A daemonless, Docker-compatible container image engine.");
        root.globalPathOption("--root", "DIR",
                "Store root (default /var/lib/strata as root, $XDG_DATA_HOME/strata otherwise; env STRATA_ROOT)", cli::setRoot);
        root.globalOption("--storage-driver", "NAME", "Storage driver of new containers: overlay, or vfs (copies)"
                + " where overlayfs cannot mount (default: the store's, chosen on its first container;"
                + " env STRATA_STORAGE_DRIVER)", cli::setStorageDriver);
        root.spec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        root.spec().addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        root.spec().version(version());
        String groupVerb = Verbs.word(args, 1);
        Verbs verbs = new Verbs()
                .add("images", () -> ImagesCommand.line(cli))
                .add("build", () -> dev.strata.cli.commands.BuildCommand.line(cli))
                .add("builder", () -> dev.strata.cli.commands.BuilderCommand.line(cli))
                .add("image", () -> ImageCommand.line(cli, groupVerb))
                .add("inspect", () -> InspectCommand.line(cli))
                .add("history", () -> HistoryCommand.line(cli))
                .add("tag", () -> TagCommand.line(cli))
                .add("rmi", () -> RmiCommand.line(cli))
                .add("import", () -> ImportCommand.line(cli))
                .add("save", () -> SaveCommand.line(cli))
                .add("load", () -> LoadCommand.line(cli))
                .add("pull", () -> dev.strata.cli.commands.PullCommand.line(cli))
                .add("push", () -> dev.strata.cli.commands.PushCommand.line(cli))
                .add("login", () -> dev.strata.cli.commands.LoginCommand.line(cli))
                .add("logout", () -> dev.strata.cli.commands.LogoutCommand.line(cli))
                .add("search", () -> dev.strata.cli.commands.SearchCommand.line(cli))
                .add("system", () -> SystemCommand.line(cli, groupVerb))
                .add("container", () -> ContainerCommand.line(cli, groupVerb))
                .add("ps", () -> PsCommand.line(cli));
        for (String verb : ContainerCommand.VERBS) {
            verbs.add(verb, () -> ContainerCommand.verb(cli, verb));
        }
        verbs.add("volume", () -> VolumeCommand.line(cli, groupVerb));
        verbs.add("registry", () -> dev.strata.cli.commands.RegistryCommand.line(cli, groupVerb));
        String verb = Verbs.word(args, 0);
        if (verb == null && java.util.Arrays.stream(args).anyMatch(a -> a.equals("-V") || a.equals("--version"))) {
            return root.line(); // the version needs no verbs, and building all of them costs a start ~100 ms
        }
        return verbs.addTo(root.line(), verb);
    }

    /** The version from the jar's manifest. */
    private static String version() {
        String v = StrataCommand.class.getPackage().getImplementationVersion();
        return "Strata version " + (v == null ? "dev" : v);
    }
}
