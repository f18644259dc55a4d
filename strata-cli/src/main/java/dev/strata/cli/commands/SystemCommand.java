package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.core.engine.DiskUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code system}: store-wide commands ({@code df}). */
@Command(name = "system", description = "Manage Strata")
public final class SystemCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine build(Cli cli) {
        CommandLine line = new CommandLine(new SystemCommand());
        line.addSubcommand("df", new CommandLine(new Df(cli)));
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code system df}: disk usage by type, and per image with -v. */
    @Command(name = "df", description = "Show strata disk usage")
    static final class Df implements Callable<Integer> {
        private static final Map<String, String> HEADERS = Map.of("Type", "TYPE", "TotalCount", "TOTAL",
                "Active", "ACTIVE", "Size", "SIZE", "Reclaimable", "RECLAIMABLE");

        private final Cli cli;

        @Option(names = {"-v", "--verbose"}, description = "Show detailed information on space usage")
        boolean verbose;

        @Option(names = "--format", description = "Format output using a custom template")
        String format;

        Df(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            DiskUsage usage = cli.engine().diskUsage();
            if (verbose) {
                printVerbose(usage);
                return 0;
            }
            List<Map<String, Object>> rows = List.of(
                    row("Images", usage.imageCount(), usage.activeImages(), usage.imagesSize(), usage.reclaimable()),
                    row("Containers", 0, 0, 0, 0),
                    row("Local Volumes", 0, 0, 0, 0),
                    row("Build Cache", 0, 0, 0, 0));
            Output.print(cli, format, "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}",
                    HEADERS, rows);
            return 0;
        }

        private static Map<String, Object> row(String type, long total, long active, long size, long reclaimable) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Type", type);
            m.put("TotalCount", Long.toString(total));
            m.put("Active", Long.toString(active));
            m.put("Size", Output.size(size));
            String percent = size == 0 ? "" : " (" + Math.round(100.0 * reclaimable / size) + "%)";
            m.put("Reclaimable", Output.size(reclaimable) + (type.equals("Containers") || type.equals("Build Cache") ? "" : size == 0 ? "" : percent));
            return m;
        }

        private void printVerbose(DiskUsage usage) {
            cli.out().println("Images space usage:");
            cli.out().println();
            List<Map<String, Object>> rows = usage.images().stream().map(u -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("Repository", u.row().repository());
                m.put("Tag", u.row().tag());
                m.put("ID", Output.id(u.row().image().id(), false));
                m.put("CreatedSince", Output.since(cli, u.row().image().created()));
                m.put("Size", Output.size(u.size()));
                m.put("SharedSize", Output.size(u.sharedSize()));
                m.put("UniqueSize", Output.size(u.uniqueSize()));
                m.put("Containers", Integer.toString(u.containers()));
                return m;
            }).toList();
            Output.print(cli, null, "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t"
                    + "{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}", ImagesCommand.HEADERS, rows);
            cli.out().println();
            cli.out().println("Containers space usage:");
            cli.out().println();
            cli.out().println("CONTAINER ID   IMAGE     COMMAND   LOCAL VOLUMES   SIZE      CREATED   STATUS    NAMES");
            cli.out().println();
            cli.out().println("Local Volumes space usage:");
            cli.out().println();
            cli.out().println("VOLUME NAME   LINKS     SIZE");
            cli.out().println();
            cli.out().println("Build cache usage: 0B");
            cli.out().println();
            cli.out().println("CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED");
        }
    }
}
