package dev.strata.cli;

import dev.strata.cli.commands.HistoryCommand;
import dev.strata.cli.commands.ImageCommand;
import dev.strata.cli.commands.ImagesCommand;
import dev.strata.cli.commands.ImportCommand;
import dev.strata.cli.commands.InspectCommand;
import dev.strata.cli.commands.LoadCommand;
import dev.strata.cli.commands.RmiCommand;
import dev.strata.cli.commands.SaveCommand;
import dev.strata.cli.commands.SystemCommand;
import dev.strata.cli.commands.TagCommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root command: global options and the list of verbs. */
@Command(name = "strata", mixinStandardHelpOptions = true, versionProvider = StrataCommand.Version.class,
        description = "A daemonless, Docker-compatible container image engine.",
        subcommandsRepeatable = false)
public final class StrataCommand implements Runnable {
    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Store root (default /var/lib/strata as root, $XDG_DATA_HOME/strata otherwise; env STRATA_ROOT)")
    void setRoot(Path root) {
        cli.setRoot(root);
    }

    StrataCommand(Cli cli) {
        this.cli = cli;
    }

    /** The command line with every verb registered. */
    static picocli.CommandLine commandLine(Cli cli) {
        picocli.CommandLine self = new picocli.CommandLine(new StrataCommand(cli));
        self.addSubcommand("images", new picocli.CommandLine(new ImagesCommand(cli)));
        self.addSubcommand("image", ImageCommand.build(cli));
        self.addSubcommand("inspect", new picocli.CommandLine(new InspectCommand(cli)));
        self.addSubcommand("history", new picocli.CommandLine(new HistoryCommand(cli)));
        self.addSubcommand("tag", new picocli.CommandLine(new TagCommand(cli)));
        self.addSubcommand("rmi", new picocli.CommandLine(new RmiCommand(cli)));
        self.addSubcommand("import", new picocli.CommandLine(new ImportCommand(cli)));
        self.addSubcommand("save", new picocli.CommandLine(new SaveCommand(cli)));
        self.addSubcommand("load", new picocli.CommandLine(new LoadCommand(cli)));
        self.addSubcommand("system", SystemCommand.build(cli));
        return self;
    }

    @Override
    public void run() {
        spec.commandLine().usage(cli.out());
    }

    /** Prints the version from the jar's manifest. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = StrataCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Strata version " + (v == null ? "dev" : v)};
        }
    }
}
