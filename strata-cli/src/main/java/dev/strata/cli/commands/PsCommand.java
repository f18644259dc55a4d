package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.ContainerText;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import dev.strata.core.container.Container;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** {@code ps} / {@code container ls}: list containers. */
public final class PsCommand implements Callable<Integer> {
    static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("ID", "CONTAINER ID"), Map.entry("Image", "IMAGE"),
            Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"), Map.entry("RunningFor", "CREATED"),
            Map.entry("Ports", "PORTS"), Map.entry("State", "STATE"), Map.entry("Status", "STATUS"),
            Map.entry("Size", "SIZE"), Map.entry("Names", "NAMES"), Map.entry("Labels", "LABELS"),
            Map.entry("Mounts", "MOUNTS"), Map.entry("Networks", "NETWORKS"), Map.entry("LocalVolumes", "LOCAL VOLUMES"));
    static final String DEFAULT_FORMAT =
            "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

    private final Cli cli;
    private boolean all;
    private boolean quiet;
    private boolean latest;
    private int last = -1;
    private boolean noTrunc;
    private List<String> filters = List.of();
    private String format;
    private boolean size;

    private PsCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        PsCommand c = new PsCommand(cli);
        return Syntax.of(c, "ps", "List containers")
                .flag("-a, --all", "Show all containers (default shows just running)", v -> c.all = v)
                .flag("-q, --quiet", "Only display container IDs", v -> c.quiet = v)
                .flag("-l, --latest", "Show the latest created container (includes all states)", v -> c.latest = v)
                .intOption("-n, --last", "<last>", "Show n last created containers (includes all states)",
                        v -> c.last = v)
                .flag("--no-trunc", "Don't truncate output", v -> c.noTrunc = v)
                .repeatable("-f, --filter", "<filters>", "Filter output based on conditions provided", v -> c.filters = v)
                .option("--format", "<format>", "Format output using a custom template", v -> c.format = v)
                .flag("-s, --size", "Display total file sizes", v -> c.size = v)
                .line();
    }

    @Override
    public Integer call() {
        int count = latest ? 1 : last;
        List<Container> containers = cli.engine().containers().list(all, filters, Math.max(count, 0));
        Instant now = cli.clock().instant();
        List<Map<String, Object>> items = containers.stream().map(c -> item(c, now)).toList();
        Output.print(cli, quiet ? "{{.ID}}" : format, size ? DEFAULT_FORMAT + "\t{{.Size}}" : DEFAULT_FORMAT, HEADERS,
                items);
        return 0;
    }

    /** The image as the user named it, or its short ID once that name means another image (or none). */
    private String imageShown(Container c) {
        String named = cli.engine().resolveQuietly(c.record().imageName());
        return c.record().imageId().equals(named) ? c.record().imageName()
                : dev.strata.core.oci.Digest.parse(c.record().imageId()).shortHex();
    }

    /** Docker's "27B (virtual 1.98MB)": the writable layer, then the whole root filesystem. */
    private String sizeText(Container c) {
        var s = cli.engine().containers().size(c);
        return Output.size(s.rw()) + " (virtual " + Output.size(s.rootFs()) + ")";
    }

    private Map<String, Object> item(Container c, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Command", ContainerText.command(c, !noTrunc));
        m.put("CreatedAt", Output.createdAt(dev.strata.core.oci.ImageConfig.parseTime(c.record().created())));
        m.put("ID", noTrunc ? c.id() : c.record().shortId());
        m.put("Image", imageShown(c));
        m.put("Labels", c.record().config().labels().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(",")));
        m.put("LocalVolumes", String.valueOf(c.record().host().mounts().stream().filter(x -> "volume".equals(x.type())).count()));
        m.put("Mounts", c.record().host().mounts().stream()
                .map(x -> x.name() != null ? x.name() : x.source()).collect(Collectors.joining(",")));
        m.put("Names", c.name());
        m.put("Networks", c.record().host().networkMode());
        m.put("Ports", ContainerText.ports(c));
        m.put("RunningFor", Output.since(cli, c.record().created()));
        m.put("Size", size ? sizeText(c) : "N/A");
        m.put("State", c.state().status().name());
        m.put("Status", ContainerText.status(c.state(), now));
        return m;
    }
}
