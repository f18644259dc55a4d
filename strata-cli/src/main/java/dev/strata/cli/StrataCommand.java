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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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

    /**
     * The command line with the verbs registered. Building a verb's model costs reflection, so only the verb
     * being run is registered, unless help is asked for or no verb is recognised.
     */
    static picocli.CommandLine commandLine(Cli cli, String[] args) {
        picocli.CommandLine self = new picocli.CommandLine(new StrataCommand(cli));
        Map<String, Supplier<picocli.CommandLine>> verbs = new LinkedHashMap<>();
        verbs.put("images", () -> new picocli.CommandLine(new ImagesCommand(cli)));
        verbs.put("image", () -> ImageCommand.build(cli));
        verbs.put("inspect", () -> new picocli.CommandLine(new InspectCommand(cli)));
        verbs.put("history", () -> new picocli.CommandLine(new HistoryCommand(cli)));
        verbs.put("tag", () -> new picocli.CommandLine(new TagCommand(cli)));
        verbs.put("rmi", () -> new picocli.CommandLine(new RmiCommand(cli)));
        verbs.put("import", () -> new picocli.CommandLine(new ImportCommand(cli)));
        verbs.put("save", () -> new picocli.CommandLine(new SaveCommand(cli)));
        verbs.put("load", () -> new picocli.CommandLine(new LoadCommand(cli)));
        verbs.put("system", () -> SystemCommand.build(cli));
        verbs.put("container", () -> ContainerCommand.build(cli));
        verbs.put("ps", () -> new picocli.CommandLine(new PsCommand(cli)));
        for (String verb : ContainerCommand.VERBS) {
            verbs.put(verb, () -> ContainerCommand.verb(cli, verb));
        }
        verbs.put("volume", () -> dev.strata.cli.commands.VolumeCommand.build(cli));
        String verb = verbOf(args);
        if (verb != null && verbs.containsKey(verb)) {
            self.addSubcommand(verb, withHelp(verbs.get(verb).get()));
        } else {
            verbs.forEach((name, build) -> self.addSubcommand(name, withHelp(build.get())));
        }
        return self;
    }

    /** Every verb takes {@code --help}, as Docker's do ({@code -h} is left to verbs that use it, as {@code run}). */
    private static picocli.CommandLine withHelp(picocli.CommandLine line) {
        if (line.getCommandSpec().findOption("--help") == null) {
            line.getCommandSpec().addOption(picocli.CommandLine.Model.OptionSpec.builder("--help").usageHelp(true)
                    .description("Print usage").build());
        }
        line.getSubcommands().values().forEach(StrataCommand::withHelp);
        return line;
    }

    /** The first argument that is not a global option or its value. */
    private static String verbOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--root")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg;
            } else if (!arg.startsWith("--root=")) {
                return null;
            }
        }
        return null;
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
