package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import dev.strata.cli.Verbs;
import dev.strata.core.engine.DiskUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code system}: store-wide commands ({@code df}). */
public final class SystemCommand {
    private SystemCommand() {}

    /** The group with the verb {@code verb} (null or unknown: every verb, as help lists them). */
    public static CommandLine line(Cli cli, String verb) {
        return new Verbs()
                .add("df", () -> Df.line(cli))
                .addTo(Syntax.group("system", "Manage Strata").line(), verb);
    }

    /** {@code system df}: disk usage by type, and per image with -v. */
    static final class Df implements Callable<Integer> {
        private static final Map<String, String> HEADERS = Map.of("Type", "TYPE", "TotalCount", "TOTAL",
                "Active", "ACTIVE", "Size", "SIZE", "Reclaimable", "RECLAIMABLE");

        private final Cli cli;
        private boolean verbose;
        private String format;

        private Df(Cli cli) {
            this.cli = cli;
        }

        static CommandLine line(Cli cli) {
            Df c = new Df(cli);
            return Syntax.of(c, "df", "Show strata disk usage")
                    .flag("-v, --verbose", "Show detailed information on space usage", v -> c.verbose = v)
                    .option("--format", "<format>", "Format output using a custom template", v -> c.format = v)
                    .line();
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
                    row("Containers", usage.containers().size(),
                            usage.containers().stream().filter(c -> c.container().state().status().isActive()).count(),
                            usage.containers().stream().mapToLong(DiskUsage.ContainerUsage::size).sum(),
                            usage.containers().stream().filter(c -> !c.container().state().status().isActive())
                                    .mapToLong(DiskUsage.ContainerUsage::size).sum()),
                    row("Local Volumes", usage.volumes().size(),
                            usage.volumes().stream().filter(v -> v.links() > 0).count(),
                            usage.volumes().stream().mapToLong(DiskUsage.VolumeUsage::size).sum(),
                            usage.volumes().stream().filter(v -> v.links() == 0).mapToLong(DiskUsage.VolumeUsage::size).sum()),
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
            java.time.Instant now = cli.clock().instant();
            List<Map<String, Object>> containers = usage.containers().stream().map(u -> {
                var c = u.container();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ID", c.record().shortId());
                m.put("Image", c.record().imageName());
                m.put("Command", dev.strata.cli.ContainerText.command(c, true));
                m.put("LocalVolumes", Long.toString(c.record().host().mounts().stream()
                        .filter(x -> "volume".equals(x.type())).count()));
                m.put("Size", Output.size(u.size()));
                m.put("RunningFor", Output.since(cli, c.record().created()));
                m.put("Status", dev.strata.cli.ContainerText.status(c.state(), now));
                m.put("Names", c.name());
                return m;
            }).toList();
            Output.print(cli, null, "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t"
                    + "{{.RunningFor}}\t{{.Status}}\t{{.Names}}", PsCommand.HEADERS, containers);
            cli.out().println();
            cli.out().println("Local Volumes space usage:");
            cli.out().println();
            List<Map<String, Object>> volumes = usage.volumes().stream().map(v -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("Name", v.name());
                m.put("Links", Integer.toString(v.links()));
                m.put("Size", Output.size(v.size()));
                return m;
            }).toList();
            Output.print(cli, null, "table {{.Name}}\t{{.Links}}\t{{.Size}}",
                    Map.of("Name", "VOLUME NAME", "Links", "LINKS", "Size", "SIZE"), volumes);
            cli.out().println();
            cli.out().println("Build cache usage: 0B");
            cli.out().println();
            cli.out().println("CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED");
        }
    }
}
