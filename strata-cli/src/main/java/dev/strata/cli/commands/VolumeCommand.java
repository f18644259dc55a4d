package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import dev.strata.cli.Verbs;
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

/** {@code volume}: the management command grouping the volume verbs, as {@code docker volume}. */
public final class VolumeCommand {
    private VolumeCommand() {}

    /** The group with the verb {@code verb} (null or unknown: every verb, as help lists them). */
    public static CommandLine line(Cli cli, String verb) {
        return new Verbs()
                .add("create", () -> Create.line(cli))
                .add("ls", () -> Ls.line(cli), "list")
                .add("inspect", () -> Inspect.line(cli))
                .add("rm", () -> Rm.line(cli), "remove")
                .add("prune", () -> Prune.line(cli))
                .addTo(Syntax.group("volume", "Manage volumes").line(), verb);
    }

    /** {@code volume create}: prints the volume's name. */
    static final class Create implements Callable<Integer> {
        private final Cli cli;
        private String driver = Volume.LOCAL_DRIVER;
        private List<String> labels = List.of();
        private List<String> options = List.of();
        private String nameOption;
        private String name;

        private Create(Cli cli) {
            this.cli = cli;
        }

        static CommandLine line(Cli cli) {
            Create c = new Create(cli);
            return Syntax.of(c, "create", "Create a volume")
                    .option("-d, --driver", "<driver>", "Specify volume driver name (default \"local\")",
                            v -> c.driver = v)
                    .repeatable("--label", "<labels>", "Set metadata for a volume", v -> c.labels = v)
                    .repeatable("-o, --opt", "<options>", "Set driver specific options", v -> c.options = v)
                    .hiddenOption("--name", "<nameOption>", "Specify volume name", v -> c.nameOption = v)
                    .parameter("0", "0..1", "VOLUME", v -> c.name = v)
                    .line();
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
    static final class Ls implements Callable<Integer> {
        static final Map<String, String> HEADERS = Map.of("Name", "VOLUME NAME", "Driver", "DRIVER", "Scope", "SCOPE",
                "Mountpoint", "MOUNTPOINT", "Labels", "LABELS", "Links", "LINKS", "Size", "SIZE", "Group", "GROUP",
                "Availability", "AVAILABILITY", "Status", "STATUS");

        private final Cli cli;
        private boolean quiet;
        private List<String> filters = List.of();
        private String format;

        private Ls(Cli cli) {
            this.cli = cli;
        }

        static CommandLine line(Cli cli) {
            Ls c = new Ls(cli);
            return Syntax.of(c, "ls", "List volumes")
                    .flag("-q, --quiet", "Only display volume names", v -> c.quiet = v)
                    .repeatable("-f, --filter", "<filters>", "Provide filter values (e.g. 'dangling=true')",
                            v -> c.filters = v)
                    .option("--format", "<format>",
                            "Format output using a custom template: 'table', 'table TEMPLATE', 'json', or a Go template",
                            v -> c.format = v)
                    .line();
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
    static final class Inspect implements Callable<Integer> {
        private final Cli cli;
        private String format;
        private List<String> names;

        private Inspect(Cli cli) {
            this.cli = cli;
        }

        static CommandLine line(Cli cli) {
            Inspect c = new Inspect(cli);
            return Syntax.of(c, "inspect", "Display detailed information on one or more volumes")
                    .option("-f, --format", "<format>", "Format output using a custom template", v -> c.format = v)
                    .parameters("0..*", "1..*", "VOLUME", v -> c.names = v)
                    .line();
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
    static final class Rm implements Callable<Integer> {
        private final Cli cli;
        private boolean force;
        private List<String> names;

        private Rm(Cli cli) {
            this.cli = cli;
        }

        static CommandLine line(Cli cli) {
            Rm c = new Rm(cli);
            return Syntax.of(c, "rm", "Remove one or more volumes")
                    .flag("-f, --force", "Force the removal of one or more volumes", v -> c.force = v)
                    .parameters("0..*", "1..*", "VOLUME", v -> c.names = v)
                    .line();
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
    static final class Prune implements Callable<Integer> {
        private final Cli cli;
        private boolean all;
        private boolean force;
        private List<String> filters = List.of();

        private Prune(Cli cli) {
            this.cli = cli;
        }

        static CommandLine line(Cli cli) {
            Prune c = new Prune(cli);
            return Syntax.of(c, "prune", "Remove unused local volumes")
                    .flag("-a, --all", "Remove all unused volumes, not just anonymous ones", v -> c.all = v)
                    .flag("-f, --force", "Do not prompt for confirmation", v -> c.force = v)
                    .repeatable("--filter", "<filters>", "Provide filter values (e.g. \"label=<label>\")",
                            v -> c.filters = v)
                    .line();
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
