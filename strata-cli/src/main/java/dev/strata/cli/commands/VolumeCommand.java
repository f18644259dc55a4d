package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.format.TemplateMethod;
import dev.strata.cli.format.Units;
import dev.strata.core.StrataException;
import dev.strata.core.volume.PruneReport;
import dev.strata.core.volume.Volume;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code volume}: the management command grouping the volume verbs, as {@code docker volume}. */
@Command(addMethodSubcommands = false, name = "volume", description = "Manage volumes")
public final class VolumeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine build(Cli cli) {
        CommandLine line = new CommandLine(new VolumeCommand());
        line.addSubcommand("create", new CommandLine(new Create(cli)));
        line.addSubcommand("ls", new CommandLine(new Ls(cli)), "list");
        line.addSubcommand("inspect", new CommandLine(new Inspect(cli)));
        line.addSubcommand("rm", new CommandLine(new Rm(cli)), "remove");
        line.addSubcommand("prune", new CommandLine(new Prune(cli)));
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code volume create}: prints the volume's name. */
    @Command(addMethodSubcommands = false, name = "create", description = "Create a volume")
    static final class Create implements Callable<Integer> {
        private final Cli cli;

        @Option(names = {"-d", "--driver"}, description = "Specify volume driver name (default \"local\")")
        String driver = Volume.LOCAL_DRIVER;

        @Option(names = "--label", description = "Set metadata for a volume")
        List<String> labels = new ArrayList<>();

        @Option(names = {"-o", "--opt"}, description = "Set driver specific options")
        List<String> options = new ArrayList<>();

        @Option(names = "--name", hidden = true, description = "Specify volume name")
        String nameOption;

        @Parameters(arity = "0..1", paramLabel = "VOLUME")
        String name;

        Create(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if (name != null && nameOption != null) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "conflicting options: cannot specify a volume-name through both --name and as a positional arg");
            }
            String chosen = name != null ? name : nameOption;
            for (String label : labels) {
                String key = label.split("=", 2)[0].strip();
                if (key.isEmpty()) {
                    throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid label '" + label + "': empty name");
                }
                if (key.chars().anyMatch(Character::isWhitespace)) {
                    throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "label '" + key + "' contains whitespaces");
                }
            }
            Volume volume = cli.engine().volumes().create(chosen, driver, keyValues(labels), keyValues(options));
            cli.out().println(volume.name());
            return 0;
        }

        /** Docker's ConvertKVStringsToMap: {@code k=v}, or {@code k} for an empty value; a later key wins. */
        private static Map<String, String> keyValues(List<String> pairs) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String pair : pairs) {
                String[] kv = pair.split("=", 2);
                map.put(kv[0], kv.length == 2 ? kv[1] : "");
            }
            return map;
        }
    }

    /** {@code volume ls}. */
    @Command(addMethodSubcommands = false, name = "ls", description = "List volumes")
    static final class Ls implements Callable<Integer> {
        static final Map<String, String> HEADERS = Map.of("Name", "VOLUME NAME", "Driver", "DRIVER", "Scope", "SCOPE",
                "Mountpoint", "MOUNTPOINT", "Labels", "LABELS", "Links", "LINKS", "Size", "SIZE", "Group", "GROUP",
                "Availability", "AVAILABILITY", "Status", "STATUS");

        private final Cli cli;

        @Option(names = {"-q", "--quiet"}, description = "Only display volume names")
        boolean quiet;

        @Option(names = {"-f", "--filter"}, description = "Provide filter values (e.g. 'dangling=true')")
        List<String> filters = new ArrayList<>();

        @Option(names = "--format", description = "Format output using a custom template: 'table', 'table TEMPLATE', 'json', or a Go template")
        String format;

        Ls(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<Map<String, Object>> items = cli.engine().volumes().list(filters).stream().map(Ls::item).toList();
            boolean tableOrNone = format == null || format.isEmpty() || format.equals("table");
            String chosen = quiet && tableOrNone ? "{{.Name}}" : format;
            Output.print(cli, chosen, "table {{.Driver}}\t{{.Name}}", HEADERS, items);
            return 0;
        }

        /** The fields of Docker's volume list context; the cluster and usage ones are "N/A" for local volumes. */
        private static Map<String, Object> item(Volume v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Availability", "N/A");
            m.put("Driver", v.driver());
            m.put("Group", "N/A");
            m.put("Label", (TemplateMethod) args -> {
                if (args.size() != 1 || !(args.getFirst() instanceof String key)) {
                    throw new IllegalArgumentException("Label takes one string");
                }
                return v.labels().getOrDefault(key, "");
            });
            m.put("Labels", v.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(",")));
            m.put("Links", "N/A");
            m.put("Mountpoint", v.mountpoint().toString());
            m.put("Name", v.name());
            m.put("Scope", v.scope());
            m.put("Size", "N/A");
            m.put("Status", "N/A");
            return m;
        }
    }

    /** {@code volume inspect}: Docker's JSON array, or a Go template per volume. */
    @Command(addMethodSubcommands = false, name = "inspect", description = "Display detailed information on one or more volumes")
    static final class Inspect implements Callable<Integer> {
        private final Cli cli;

        @Option(names = {"-f", "--format"}, description = "Format output using a custom template")
        String format;

        @Parameters(arity = "1..*", paramLabel = "VOLUME")
        List<String> names;

        Inspect(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<Map<String, Object>> found = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (String name : names) {
                try {
                    found.add(json(cli.engine().volumes().get(name)));
                } catch (StrataException e) {
                    if (e.kind() != StrataException.Kind.NOT_FOUND) {
                        throw e;
                    }
                    errors.add(e.getMessage());
                }
            }
            if (format == null || format.isEmpty()) {
                cli.out().println(Output.indentedJson(found));
            } else {
                for (Map<String, Object> item : found) {
                    cli.out().println(Output.template(format, item));
                }
            }
            errors.forEach(e -> cli.err().println("Error: " + e));
            return errors.isEmpty() ? 0 : 1;
        }

        /** The fields of Docker's volume object, in its order; CreatedAt in RFC 3339 and the local zone, as the daemon writes it. */
        static Map<String, Object> json(Volume v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("CreatedAt", Output.rfc3339(v.createdAt()));
            m.put("Driver", v.driver());
            m.put("Labels", v.labels());
            m.put("Mountpoint", v.mountpoint().toString());
            m.put("Name", v.name());
            m.put("Options", v.options());
            m.put("Scope", v.scope());
            return m;
        }
    }

    /** {@code volume rm}: prints each name removed; a failure does not stop the others. */
    @Command(addMethodSubcommands = false, name = "rm", description = "Remove one or more volumes")
    static final class Rm implements Callable<Integer> {
        private final Cli cli;

        @Option(names = {"-f", "--force"}, description = "Force the removal of one or more volumes")
        boolean force;

        @Parameters(arity = "1..*", paramLabel = "VOLUME")
        List<String> names;

        Rm(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            int status = 0;
            for (String name : names) {
                try {
                    cli.engine().volumes().remove(name, force);
                    cli.out().println(name);
                } catch (StrataException e) {
                    cli.err().println("Error: " + e.getMessage());
                    status = 1;
                }
            }
            return status;
        }
    }

    /** {@code volume prune}: removes unused anonymous volumes (all unused ones with -a), after asking. */
    @Command(addMethodSubcommands = false, name = "prune", description = "Remove unused local volumes")
    static final class Prune implements Callable<Integer> {
        private final Cli cli;

        @Option(names = {"-a", "--all"}, description = "Remove all unused volumes, not just anonymous ones")
        boolean all;

        @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
        boolean force;

        @Option(names = "--filter", description = "Provide filter values (e.g. \"label=<label>\")")
        List<String> filters = new ArrayList<>();

        Prune(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws IOException {
            if (!force && !confirmed()) {
                return 0;
            }
            PruneReport report = cli.engine().volumes().prune(all, filters);
            if (!report.deleted().isEmpty()) {
                cli.out().println("Deleted Volumes:");
                report.deleted().forEach(cli.out()::println);
                cli.out().println();
            }
            // units.HumanSize, four significant digits, as docker's volume prune prints it (not the 3 of its tables)
            cli.out().println("Total reclaimed space: " + Units.humanSizeWithPrecision(report.reclaimed(), 4));
            return 0;
        }

        private boolean confirmed() {
            return cli.confirm(all
                    ? "WARNING! This will remove all local volumes not used by at least one container."
                    : "WARNING! This will remove anonymous local volumes not used by at least one container.");
        }
    }
}
