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
import picocli.CommandLine.Model.OptionSpec;

/** The root command: global options and the list of verbs. */
public final class StrataCommand {
    private StrataCommand() {}

    /**
     * The command line with the verbs registered. Building a verb's model costs reflection, so only the verb
     * being run is registered, unless help is asked for or no verb is recognised.
     */
    static picocli.CommandLine commandLine(Cli cli, String[] args) {
        Syntax root = Syntax.group("strata", "A daemonless, Docker-compatible container image engine.");
        root.globalPathOption("--root", "DIR",
                "Store root (default /var/lib/strata as root, $XDG_DATA_HOME/strata otherwise; env STRATA_ROOT)", cli::setRoot);
        root.spec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        root.spec().addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        root.spec().version(version());
        picocli.CommandLine self = root.line();
        Map<String, Supplier<picocli.CommandLine>> verbs = new LinkedHashMap<>();
        verbs.put("images", () -> ImagesCommand.line(cli));
        verbs.put("build", () -> dev.strata.cli.commands.BuildCommand.line(cli));
        verbs.put("builder", () -> dev.strata.cli.commands.BuilderCommand.line(cli));
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
            self.addSubcommand(verb, Syntax.withHelp(verbs.get(verb).get()));
        } else {
            verbs.forEach((name, build) -> self.addSubcommand(name, Syntax.withHelp(build.get())));
        }
        return self;
    }

    /** The first argument that is not a global option or its value. */
    static String verbOf(String[] args) {
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

    /** The version from the jar's manifest. */
    private static String version() {
        String v = StrataCommand.class.getPackage().getImplementationVersion();
        return "Strata version " + (v == null ? "dev" : v);
    }
}
